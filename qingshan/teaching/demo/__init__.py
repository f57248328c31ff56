"""The demo school's teacher development in 2013, as the seed tells it (observations, the
team's records). Deterministic and idempotent: a school that has a rubric is left alone."""

from __future__ import annotations

import random

from django.db import transaction

from qingshan.core.demo_vocabulary import demo_school
from qingshan.teaching.demo.observations import TeachingDemo
from qingshan.teaching.demo.team import TeamDemo
from qingshan.teaching.models import Observation, Rubric


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or Rubric.objects.for_school(school).exists():
        return "teacher development present"
    rng = random.Random(2013)
    observations = TeachingDemo(school, rng)
    observations.build()
    TeamDemo(school, rng, observations.professional).build()
    return f"built {Observation.objects.for_school(school).count()} lesson observations of 2013"
