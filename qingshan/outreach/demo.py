"""The demo school's technology outreach of 2013, as the seed tells it: 42 visits to the five
townships around the school, 30,660 copies of materials, 126 problems solved (and 4 still
open), 108 practical things done for the people, 12 science popularisation bases in 5 townships
and 364 farm households served (36 of them demonstration households).

Deterministic and idempotent: a school that has visits is left alone. Rows are bulk-created.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from qingshan.core.demo_vocabulary import TOWNSHIPS, demo_school, person_name
from qingshan.core.models import School
from qingshan.outreach.enums import MaterialKind, ProblemField
from qingshan.outreach.models import (
    Handout,
    Household,
    HouseholdVisit,
    PracticalThing,
    ScienceBase,
    TechProblem,
    Visit,
)

YEAR = 2013
VISITS = 42
PROBLEMS_SOLVED = 126
PROBLEMS_OPEN = 4
PRACTICAL_THINGS = 108
HOUSEHOLDS = 364
DEMONSTRATION = 36
BASES_PER_TOWNSHIP = (3, 3, 2, 2, 2)
TOPICS = (
    ("家用电器维修", "家电维修常识", ProblemField.APPLIANCES),
    ("科学养猪", "科学养猪技术要点", ProblemField.LIVESTOCK),
    ("果树栽培", "果树栽培与病虫害防治", ProblemField.FRUIT),
    ("蔬菜种植", "大棚蔬菜种植技术", ProblemField.CROPS),
    ("农机维修", "小型农机使用与维修", ProblemField.MACHINERY),
)
VILLAGES = ("青山村", "河坝村", "石桥村", "红光村", "新华村", "松林村", "柏树村")
THINGS = (
    "义务维修家用电器",
    "为养殖户免费诊治生猪疾病",
    "帮助果农修剪果树",
    "修缮村小学电路",
    "为留守老人检修电视机",
    "帮助农户选购良种",
)


class OutreachDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school = school
        self.rng = rng
        self.townships = TOWNSHIPS[:5]

    def _team(self) -> str:
        return "、".join(person_name(self.rng, female=i == 2) for i in range(3))

    def visits(self) -> list[Visit]:
        rows = []
        for index in range(VISITS):
            topic = TOPICS[index % len(TOPICS)]
            rows.append(
                Visit(
                    school=self.school,
                    date=dt.date(YEAR, 1, 10) + dt.timedelta(days=index * 8),
                    township=self.townships[index % len(self.townships)],
                    village=self.rng.choice(VILLAGES),
                    team=self._team(),
                    topic=f"{topic[0]}技术下乡",
                )
            )
        Visit.objects.bulk_create(rows)
        handouts = []
        for index, visit in enumerate(rows):
            title = TOPICS[index % len(TOPICS)][1]
            handouts += [
                Handout(
                    school=self.school,
                    visit=visit,
                    kind=MaterialKind.LEAFLET,
                    title=title,
                    count=650,
                ),
                Handout(
                    school=self.school,
                    visit=visit,
                    kind=MaterialKind.BOOKLET,
                    title=f"{title}手册",
                    count=80,
                ),
            ]
        Handout.objects.bulk_create(handouts)
        return rows

    def problems_and_things(self, visits: list[Visit]) -> None:
        last = dt.date(YEAR, 12, 31)
        problems = []
        for index in range(PROBLEMS_SOLVED + PROBLEMS_OPEN):
            visit = visits[index % len(visits)]
            field = TOPICS[(index % len(visits)) % len(TOPICS)][2]
            solved = index < PROBLEMS_SOLVED
            solved_on = min(visit.date + dt.timedelta(days=index % 10), last) if solved else None
            problems.append(
                TechProblem(
                    school=self.school,
                    visit=visit,
                    raised_on=visit.date,
                    township=visit.township,
                    village=visit.village,
                    field=field,
                    description=f"{TOPICS[(index % len(visits)) % len(TOPICS)][0]}中遇到的问题（第{index + 1}例）",
                    solution="现场指导并回访确认" if solved else "",
                    solved_on=solved_on,
                    verified_by=person_name(self.rng, female=False) if solved else "",
                    verified_on=min(solved_on + dt.timedelta(days=3), last) if solved_on else None,
                )
            )
        TechProblem.objects.bulk_create(problems)
        things = []
        for index in range(PRACTICAL_THINGS):
            visit = visits[index % len(visits)]
            things.append(
                PracticalThing(
                    school=self.school,
                    visit=visit,
                    date=visit.date,
                    township=visit.township,
                    village=visit.village,
                    description=THINGS[index % len(THINGS)],
                    beneficiaries=f"{person_name(self.rng, female=index % 2 == 0)}等农户",
                )
            )
        PracticalThing.objects.bulk_create(things)

    def bases(self) -> None:
        rows: list[ScienceBase] = []
        for township, count in zip(self.townships, BASES_PER_TOWNSHIP, strict=True):
            for number in range(count):
                topic = TOPICS[(len(rows)) % len(TOPICS)][0]
                rows.append(
                    ScienceBase(
                        school=self.school,
                        name=f"{township}{topic}科普基地{number + 1}",
                        township=township,
                        host=f"{person_name(self.rng, female=False)}家庭农场",
                        since=dt.date(2008 + len(rows) % 5, 3, 1),
                        activities=f"{topic}示范与培训",
                    )
                )
        ScienceBase.objects.bulk_create(rows)

    def households(self, visits: list[Visit]) -> None:
        by_township: dict[str, list[Visit]] = {}
        for visit in visits:
            by_township.setdefault(visit.township, []).append(visit)
        rows = []
        for index in range(HOUSEHOLDS):
            township = self.townships[index % len(self.townships)]
            demonstration = index < DEMONSTRATION
            rows.append(
                Household(
                    school=self.school,
                    head=f"{person_name(self.rng, female=self.rng.random() < 0.2)}",
                    township=township,
                    village=VILLAGES[index % len(VILLAGES)] + f"{index // 35 + 1}组",
                    specialty=TOPICS[index % len(TOPICS)][0],
                    is_demonstration=demonstration,
                    demonstration_since=dt.date(2011, 5, 1) if demonstration else None,
                )
            )
        Household.objects.bulk_create(rows)
        served = []
        for index, household in enumerate(rows):
            options = by_township[household.township]
            first = options[index % len(options)]
            served.append(
                HouseholdVisit(
                    school=self.school, visit=first, household=household, help_given="技术指导"
                )
            )
            if index % 3 == 0:  # served again on a later visit: still one household
                again = options[(index + 1) % len(options)]
                if again.pk != first.pk:
                    served.append(
                        HouseholdVisit(
                            school=self.school, visit=again, household=household, help_given="回访"
                        )
                    )
        HouseholdVisit.objects.bulk_create(served)

    @transaction.atomic
    def build(self) -> None:
        visits = self.visits()
        self.problems_and_things(visits)
        self.bases()
        self.households(visits)


def build_demo() -> str:
    school = demo_school()
    if school is None or Visit.objects.for_school(school).exists():
        return "outreach present"
    OutreachDemo(school, random.Random(364)).build()
    return f"{VISITS} visits, {HOUSEHOLDS} households"
