"""The demo school's short-term training of 2013 (阳光工程): 40 courses of one cohort each,
3,704 trainees, all completed and certified, every one followed up once, 95% employed, with a
mean monthly income of about 1,500 yuan; a party group formed in each cohort.

Deterministic and idempotent: a school that has courses is left alone. Rows are bulk-created.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from qingshan.core.demo_vocabulary import REGION_CODE, TOWNSHIPS, demo_school, person_name
from qingshan.core.models import School
from qingshan.core.validators import make_resident_id
from qingshan.organization.enums import Gender
from qingshan.party.models import Branch, Member
from qingshan.trainings.enums import CertificateKind
from qingshan.trainings.models import Certificate, Cohort, Course, Enrolment, FollowUp, Trainee
from qingshan.trainings.services import form_party_group

YEAR = 2013
COURSES = 40
TRAINEES = 3704
EMPLOYED = 3519  # 95.0% of 3,704
TRADES = (
    ("电焊工", 15),
    ("电工", 20),
    ("家用电器维修", 15),
    ("缝纫工", 12),
    ("中式烹调师", 15),
    ("家政服务员", 10),
    ("计算机操作员", 15),
    ("砌筑工", 10),
    ("挖掘机驾驶员", 20),
    ("美容美发", 15),
    ("果树栽培", 10),
    ("生猪养殖", 10),
    ("食用菌栽培", 10),
    ("汽车维修工", 20),
    ("保安员", 10),
    ("钢筋工", 12),
    ("茶叶加工", 10),
    ("电子装配工", 12),
    ("物流仓储", 10),
    ("中式面点师", 12),
)
VILLAGES = ("青山村", "河坝村", "石桥村", "红光村", "新华村", "松林村", "柏树村", "马鞍村")
EMPLOYERS = (
    ("广东东莞", "东莞某电子厂"),
    ("浙江宁波", "宁波某服装公司"),
    ("福建晋江", "晋江某鞋业公司"),
    ("江苏苏州", "苏州某精密机械公司"),
    ("四川成都", "成都某建筑公司"),
    ("本县", "县城某餐饮公司"),
    ("本县", "自主创业"),
)
INCOMES = (Decimal(1200), Decimal(1350), Decimal(1500), Decimal(1650), Decimal(1800))
ISSUER = "县人力资源和社会保障局"


class TrainingDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school = school
        self.rng = rng

    def courses(self) -> list[Cohort]:
        cohorts = []
        for number in range(1, COURSES + 1):
            trade, days = TRADES[(number - 1) % len(TRADES)]
            start = dt.date(YEAR, 1, 7) + dt.timedelta(days=(number - 1) * 8)
            end = start + dt.timedelta(days=days - 1)
            course = Course.objects.create(
                school=self.school,
                name=f"{YEAR}年第{number}期{trade}培训",
                trade=trade,
                hours=days * 8,
                days=days,
                start_on=start,
                end_on=end,
                teachers="、".join(person_name(self.rng, female=i % 2 == 1) for i in range(2)),
                place="学校实训楼",
                programme="阳光工程",
                subsidy_per_head=Decimal(400 + days * 20),
            )
            cohorts.append(
                Cohort.objects.create(
                    school=self.school,
                    course=course,
                    name=f"{YEAR}年第{number}期{trade}培训班",
                    start_on=start,
                    end_on=end,
                )
            )
        return cohorts

    def trainees(self, cohorts: list[Cohort]) -> None:
        people = []
        for index in range(TRAINEES):
            female = self.rng.random() < 0.35
            birth = dt.date(1968, 1, 1) + dt.timedelta(days=(index * 7) % 10000)
            people.append(
                Trainee(
                    school=self.school,
                    name=person_name(self.rng, female=female),
                    gender=Gender.FEMALE if female else Gender.MALE,
                    id_number=make_resident_id(REGION_CODE, birth, index % 1000),
                    township=TOWNSHIPS[index % len(TOWNSHIPS)],
                    village=self.rng.choice(VILLAGES),
                    phone=f"139{index:08d}",
                )
            )
        Trainee.objects.bulk_create(people, batch_size=1000)
        places, certificates = [], []
        for index, person in enumerate(people):
            cohort = cohorts[index % len(cohorts)]
            places.append(
                Enrolment(
                    school=self.school,
                    cohort=cohort,
                    trainee=person,
                    days_attended=cohort.course.days,
                    completed=True,
                    is_party_member=index % 97 == 0,
                )
            )
        Enrolment.objects.bulk_create(places, batch_size=1000)
        follow_ups = []
        for index, place in enumerate(places):
            certificates.append(
                Certificate(
                    school=self.school,
                    enrolment=place,
                    kind=CertificateKind.QUALIFICATION,
                    number=f"1351{YEAR}{index + 1:06d}",
                    issuer=ISSUER,
                    issued_on=place.cohort.end_on,
                )
            )
            employed = index < EMPLOYED
            region, employer = EMPLOYERS[index % len(EMPLOYERS)]
            follow_ups.append(
                FollowUp(
                    school=self.school,
                    enrolment=place,
                    checked_on=place.cohort.end_on + dt.timedelta(days=60),
                    employed=employed,
                    employer=employer if employed else "",
                    region=region if employed else "",
                    monthly_income=INCOMES[(index // COURSES) % len(INCOMES)] if employed else None,
                )
            )
        Certificate.objects.bulk_create(certificates, batch_size=1000)
        FollowUp.objects.bulk_create(follow_ups, batch_size=1000)

    def party_groups(self, cohorts: list[Cohort]) -> None:
        if not Branch.objects.for_school(self.school).exists():
            return
        leaders = list(
            Member.objects.for_school(self.school).in_standing().filter(staff__isnull=False)
        )
        for cohort in cohorts:
            form_party_group(cohort=cohort, leader=self.rng.choice(leaders) if leaders else None)

    @transaction.atomic
    def build(self) -> None:
        cohorts = self.courses()
        self.trainees(cohorts)
        self.party_groups(cohorts)


def build_demo() -> str:
    school = demo_school()
    if school is None or Course.objects.for_school(school).exists():
        return "trainings present"
    TrainingDemo(school, random.Random(2013)).build()
    return f"{COURSES} courses, {TRAINEES} trainees"
