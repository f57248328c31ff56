"""The demo school's 2013 gives the seed's figures, computed from the records the demo makes."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from qingshan.core.figures import Period, Scope, registry
from qingshan.honours.demo import HonoursDemo
from qingshan.outreach.demo import OutreachDemo
from qingshan.trainings.demo import TrainingDemo
from qingshan.trainings.models import Cohort

pytestmark = pytest.mark.django_db


def _figures(school: Any, *keys: str) -> dict[str, Any]:
    scope, year = Scope.of_school(school), Period.year(2013)
    return {key: registry.get(key).evaluate(scope, year) for key in keys}


def test_the_training_demo_gives_the_seeds_figures(school: Any) -> None:
    TrainingDemo(school, random.Random(2013)).build()

    found = _figures(
        school,
        "trainings.courses",
        "trainings.trainees",
        "trainings.certified_share",
        "trainings.employed_share",
        "trainings.mean_income",
    )

    assert found["trainings.courses"].value == 40
    assert found["trainings.trainees"].value == 3704
    assert found["trainings.certified_share"].value == 1.0
    assert round(found["trainings.employed_share"].value, 3) == 0.95
    assert abs(found["trainings.mean_income"].value - Decimal(1500)) < 10
    assert not Cohort.objects.filter(party_group__isnull=False).exists()  # no branch here


def test_the_outreach_demo_gives_the_seeds_figures(school: Any) -> None:
    OutreachDemo(school, random.Random(364)).build()

    found = _figures(
        school,
        "outreach.visits",
        "outreach.leaflets",
        "outreach.problems_solved",
        "outreach.practical_things",
        "outreach.bases",
        "outreach.base_townships",
        "outreach.households",
    )

    assert {key: result.value for key, result in found.items()} == {
        "outreach.visits": 42,
        "outreach.leaflets": 30660,
        "outreach.problems_solved": 126,
        "outreach.practical_things": 108,
        "outreach.bases": 12,
        "outreach.base_townships": 5,
        "outreach.households": 364,
    }


def test_the_honours_demo_gives_the_seeds_honours(school: Any) -> None:
    HonoursDemo(school).build()

    found = _figures(school, "honours.honours", "honours.branch_commended")

    assert found["honours.honours"].value == 3  # of the seed's titles, three date from 2013
    assert found["honours.branch_commended"].breakdown == {"to_date": 4}
