"""Plain bulk inserts for the synthetic school's outward work over several years: documents beyond
the demo archive, short-term training, technology outreach and honours.

Used by ``generate.py`` after the apps' own demo builders; every count grows with ``scale``.
Synthetic data written straight through the models (not user input), from a seeded random.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from qingshan.core.validators import make_resident_id

TOWNSHIPS = ("诺江镇", "民胜镇", "广纳镇", "铁佛镇", "麻石镇", "至诚镇", "沙溪镇", "洪口镇")
VILLAGES = ("青山村", "河坝村", "石桥村", "红光村", "新华村", "松林村", "柏树村", "马鞍村")
TRADES = ("电焊工", "电工", "家用电器维修", "缝纫工", "中式烹调师", "计算机操作员", "砌筑工")
INCOMES = (Decimal(1200), Decimal(1350), Decimal(1500), Decimal(1650), Decimal(1800))


def documents(school: Any, rng: random.Random, years: range, scale: int) -> int:
    """``30 × scale`` documents a year by the school, the branch and each department; numbers
    start at 101 so they never meet the demo archive's."""
    from qingshan.documents.enums import DocumentKind, Issuer
    from qingshan.documents.models import Document
    from qingshan.organization.models import Department

    departments = list(Department.objects.for_school(school).order_by("pk"))
    issuers: list[tuple[str, Any]] = [(Issuer.SCHOOL, None), (Issuer.BRANCH, None)] + [
        (Issuer.DEPARTMENT, department) for department in departments
    ]
    counters: dict[tuple[str, Any, int], int] = {}
    rows = []
    for year in years:
        for index in range(30 * scale):
            issuer, department = issuers[index % len(issuers)]
            key = (issuer, department.pk if department else None, year)
            counters[key] = counters.get(key, 100) + 1
            issued = dt.date(year, 1, 2) + dt.timedelta(days=rng.randint(0, 360))
            record = Document(
                school=school,
                issuer=issuer,
                department=department,
                prefix="基准发",
                sequence=counters[key],
                title=f"关于做好{year}年第{index + 1}项工作的通知",
                kind=rng.choice(DocumentKind.values),
                issued_on=issued,
                effective_on=issued,
                body="一、提高认识。二、明确责任。三、抓好落实。",
                for_staff=True,
                for_party_members=index % 3 == 0,
            )
            record.refresh_search_columns()
            rows.append(record)
    Document.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def trainings(school: Any, rng: random.Random, years: range, scale: int) -> int:
    """``8 × scale`` courses a year of one cohort of 100 trainees; every place completed and
    certified, followed up once or twice (the later one counts)."""
    from qingshan.trainings.enums import CertificateKind
    from qingshan.trainings.models import Certificate, Cohort, Course, Enrolment, FollowUp, Trainee

    courses, cohorts = [], []
    for year in years:
        for number in range(1, 8 * scale + 1):
            trade = TRADES[number % len(TRADES)]
            start = dt.date(year, 1, 7) + dt.timedelta(days=(number - 1) * 40 // scale)
            end = start + dt.timedelta(days=14)
            name = f"{year}年第{number}期{trade}培训"
            courses.append(
                Course(
                    school=school,
                    name=name,
                    trade=trade,
                    hours=120,
                    days=15,
                    start_on=start,
                    end_on=end,
                    programme="阳光工程",
                    subsidy_per_head=Decimal(700),
                )
            )
            cohorts.append(
                Cohort(school=school, name=f"{name}班", start_on=start, end_on=end, course=None)
            )
    Course.objects.bulk_create(courses)
    for course, cohort in zip(courses, cohorts, strict=True):
        cohort.course = course
    Cohort.objects.bulk_create(cohorts)
    people = [
        Trainee(
            school=school,
            name=f"学员{index}",
            gender="male" if index % 3 else "female",
            id_number=make_resident_id(
                "511921", dt.date(1960, 1, 1) + dt.timedelta(days=index // 500), index % 500 * 2
            ),
            township=TOWNSHIPS[index % len(TOWNSHIPS)],
            village=VILLAGES[index % len(VILLAGES)],
        )
        for index in range(len(cohorts) * 100)
    ]
    Trainee.objects.bulk_create(people, batch_size=2000)
    places = [
        Enrolment(
            school=school,
            cohort=cohorts[index // 100],
            trainee=person,
            days_attended=15,
            completed=rng.random() < 0.97,
            is_party_member=index % 97 == 0,
        )
        for index, person in enumerate(people)
    ]
    Enrolment.objects.bulk_create(places, batch_size=2000)
    certificates, follow_ups = [], []
    for index, place in enumerate(places):
        end = place.cohort.end_on
        if place.completed:
            certificates.append(
                Certificate(
                    school=school,
                    enrolment=place,
                    kind=CertificateKind.QUALIFICATION,
                    number=f"JZ{index + 1:08d}",
                    issuer="县人力资源和社会保障局",
                    issued_on=end,
                )
            )
        for check in range(1 + index % 2):
            employed = rng.random() < 0.93
            follow_ups.append(
                FollowUp(
                    school=school,
                    enrolment=place,
                    checked_on=end + dt.timedelta(days=60 + 90 * check),
                    employed=employed,
                    employer="某公司" if employed else "",
                    monthly_income=rng.choice(INCOMES) if employed else None,
                )
            )
    Certificate.objects.bulk_create(certificates, batch_size=2000)
    FollowUp.objects.bulk_create(follow_ups, batch_size=2000)
    return len(places)


def outreach(school: Any, rng: random.Random, years: range, scale: int) -> int:
    """``40 × scale`` visits a year with materials, problems, practical things and households."""
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

    visits = [
        Visit(
            school=school,
            date=dt.date(year, 1, 5) + dt.timedelta(days=index * 8 // scale),
            township=TOWNSHIPS[index % len(TOWNSHIPS)],
            village=VILLAGES[index % len(VILLAGES)],
            team="教师甲、教师乙",
            topic="科技下乡",
        )
        for year in years
        for index in range(40 * scale)
    ]
    Visit.objects.bulk_create(visits, batch_size=2000)
    handouts, problems, things, households = [], [], [], []
    for index, visit in enumerate(visits):
        handouts += [
            Handout(school=school, visit=visit, kind=kind, title="技术资料", count=300)
            for kind in (MaterialKind.LEAFLET, MaterialKind.BOOKLET)
        ]
        for number in range(3):
            solved = rng.random() < 0.95
            solved_on = min(
                visit.date + dt.timedelta(days=number), dt.date(visit.date.year, 12, 31)
            )
            problems.append(
                TechProblem(
                    school=school,
                    visit=visit,
                    raised_on=visit.date,
                    township=visit.township,
                    village=visit.village,
                    field=rng.choice(ProblemField.values),
                    description="生产中遇到的技术问题",
                    solution="现场指导" if solved else "",
                    solved_on=solved_on if solved else None,
                    verified_by="村干部" if solved else "",
                    verified_on=solved_on if solved else None,
                )
            )
        things += [
            PracticalThing(
                school=school,
                visit=visit,
                date=visit.date,
                township=visit.township,
                village=visit.village,
                description="义务维修家用电器",
            )
            for _n in range(2)
        ]
        households += [
            Household(
                school=school,
                head=f"户主{index}-{number}",
                township=visit.township,
                village=visit.village,
                specialty="果树",
                is_demonstration=number == 0 and index % 5 == 0,
                demonstration_since=visit.date if number == 0 and index % 5 == 0 else None,
            )
            for number in range(2)
        ]
    Handout.objects.bulk_create(handouts, batch_size=2000)
    TechProblem.objects.bulk_create(problems, batch_size=2000)
    PracticalThing.objects.bulk_create(things, batch_size=2000)
    Household.objects.bulk_create(households, batch_size=2000)
    served = [
        HouseholdVisit(school=school, visit=visits[index // 2], household=household)
        for index, household in enumerate(households)
    ]
    served += [  # served again on the next visit: still one household
        HouseholdVisit(school=school, visit=visits[index // 2 + 1], household=household)
        for index, household in enumerate(households[:-2])
        if index % 3 == 0
    ]
    HouseholdVisit.objects.bulk_create(served, batch_size=2000)
    ScienceBase.objects.bulk_create(
        ScienceBase(
            school=school,
            name=f"科普基地{number}",
            township=TOWNSHIPS[number % len(TOWNSHIPS)],
            since=dt.date(years[0] + number % len(years), 3, 1),
        )
        for number in range(12 * scale)
    )
    return len(visits)


def honours(school: Any, rng: random.Random, years: range, scale: int) -> int:
    """``6 × scale`` honours and ``5 × scale`` commended members a year."""
    from qingshan.honours.enums import Level, Recipient
    from qingshan.honours.models import Commendation, Honour
    from qingshan.party.models import Member

    members = list(Member.objects.for_school(school).order_by("pk").values_list("pk", flat=True))
    rows = [
        Honour(
            school=school,
            recipient=Recipient.SCHOOL if index % 2 else Recipient.BRANCH,
            title=f"{year}年度先进集体{index}",
            level=Level.values[index % len(Level.values)],
            issuer="县人民政府",
            awarded_on=dt.date(year, 1 + index % 12, 10),
        )
        for year in years
        for index in range(6 * scale)
    ]
    Honour.objects.bulk_create(rows)
    Commendation.objects.bulk_create(
        Commendation(
            school=school,
            title="优秀共产党员",
            level=Level.COUNTY,
            issuer="中共通江县委",
            awarded_on=dt.date(year, 6, 28),
            member_id=rng.choice(members),
        )
        for year in years
        for _n in range(5 * scale)
        if members
    )
    return len(rows)
