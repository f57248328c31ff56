"""The demo school's careers records as its 2013 summary tells them: partner enterprises on
long-term agreements, order classes that trained most vocational students, every 2009–2013
graduate's destination with the follow-ups, the alumni list, and the League branches of graduates
in the cities where they work (``partners``, ``graduates``, ``alumni``).

Graduates are those whose graduation the students app carried out; the second demo school's
students have no carried-out graduations, so it has no careers records. Deterministic and
idempotent: a school that has careers records is left alone.
"""

from __future__ import annotations

import random

from django.db import transaction

from qingshan.careers.demo.alumni import AlumniDemo
from qingshan.careers.demo.graduates import GraduatesDemo
from qingshan.careers.demo.partners import PartnersDemo
from qingshan.careers.models import Enterprise, OrderClass
from qingshan.core.demo_vocabulary import demo_school
from qingshan.honours.models import Story


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or Enterprise.objects.for_school(school).exists():
        return "careers present"
    rng = random.Random(2013)
    stories = Story.objects.for_school(school).filter(alumnus__isnull=False)
    told = dict(stories.values_list("alumnus", "title"))  # student id: the story's title
    partners = PartnersDemo(school, rng)
    partners.build()
    graduates = GraduatesDemo(school, rng, partners.partners, partners.trained, told)
    graduates.build()
    AlumniDemo(school, rng, partners.partners, graduates.held, told).build()
    order_classes = OrderClass.objects.for_school(school).count()
    return (
        f"{len(partners.partners)} enterprises, {order_classes} order classes training "
        f"{len(partners.trained)} students, {len(graduates.held)} graduates' destinations"
    )
