"""The enterprise register of the demo school's partners, their agreements one after another
since the partnership began, and the order classes: most vocational classes trained for a
company, as a whole class or in part, from their second year (the 3+2 classes excepted)."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from qingshan.careers.demo.vocabulary import (
    ENTERPRISES,
    EXPIRED,
    JOBS,
    MAJORS,
    RENEWING,
    TODAY,
    Firm,
    Partner,
    SchoolDemo,
    partners_for,
    pick,
)
from qingshan.careers.models import Agreement, Enterprise, OrderClass
from qingshan.core.demo_vocabulary import person_name
from qingshan.core.models import School
from qingshan.core.validators import make_credit_code
from qingshan.organization.enums import StudentStatus, Track
from qingshan.organization.models import Major, SchoolClass, Student

PARKS = ("工业园区", "经济开发区", "高新区")
JOINT_MAJOR, JOINT_FROM = "电子技术应用", 2010  # its classes run 3+2 with the partner college
WHOLE_CLASS = 0.55  # of the vocational classes, trained for a company as a whole


class PartnersDemo(SchoolDemo):
    def __init__(self, school: School, rng: random.Random) -> None:
        super().__init__(school, rng)
        self.majors = {m.name: m for m in Major.objects.for_school(school)}
        self.partners: list[Partner] = []
        self.trained: dict[int, tuple[OrderClass, Partner]] = {}  # student id: order class

    def build(self) -> None:
        self.register()
        self.order_classes()

    def register(self) -> None:
        rng, rows = self.rng, []
        for firm in ENTERPRISES:
            digits, park = 7 if firm.area in ("0827", "0818", "0816") else 8, rng.choice(PARKS)
            rows.append(
                self.new(
                    Enterprise,
                    name=firm.name,
                    province=firm.province,
                    city=firm.city,
                    credit_code=make_credit_code(firm.code, rng.randrange(10**8, 10**9)),
                    sector=firm.sector,
                    size=firm.size,
                    address=f"{firm.city}{park}{rng.randint(1, 300)}号",
                    contact_name=f"{person_name(rng, female=rng.random() < 0.5)}（人力资源部）",
                    phone=f"{firm.area}-{rng.randrange(2 * 10 ** (digits - 1), 10**digits)}",
                )
            )
        for firm, enterprise in zip(ENTERPRISES, Enterprise.objects.bulk_create(rows), strict=True):
            self.partners.append(Partner(firm, enterprise, self.agreements(firm, enterprise)))
        Agreement.objects.bulk_create(a for p in self.partners for a in p.agreements)
        through = Agreement.majors.through
        through.objects.bulk_create(
            through(agreement_id=a.pk, major_id=self.majors[MAJORS[key]].pk)
            for p in self.partners
            for a in p.agreements
            for key in p.firm.majors
        )

    def agreements(self, firm: Firm, enterprise: Enterprise) -> list[Agreement]:
        """Agreements one after another since the partnership began, the last in force now."""
        found: list[Agreement] = []
        start, expired = dt.date(firm.since, 3 if firm.places % 20 else 9, 1), firm.short == EXPIRED
        while start <= TODAY and not (expired and found):
            end = dt.date(start.year + (5 if firm.size == "large" else 3), start.month, 1)
            end = dt.date(2012, 12, 31) if expired else end - dt.timedelta(days=1)
            if start <= TODAY <= end < dt.date(TODAY.year + 1, 9, 1):
                end = dt.date(end.year + 2, end.month, end.day)  # renewed for longer: not due yet
            renews = end - dt.timedelta(days=90)
            if firm.short in RENEWING and end >= TODAY:
                end, renews = dt.date(TODAY.year + 1, 3, 31), RENEWING[firm.short]
            found.append(
                self.new(
                    Agreement,
                    enterprise=enterprise,
                    starts_on=start,
                    ends_on=end,
                    title=f"校企合作与订单培养协议（{start.year}—{end.year}）",
                    signed_on=start - dt.timedelta(days=self.rng.randint(5, 30)),
                    places_per_year=firm.places,
                    renews_on=renews,
                    note="企业转产，协议期满未续签" if expired else "",
                )
            )
            start = end + dt.timedelta(days=1)
        return found

    def order_classes(self) -> None:
        rng, keys = self.rng, {name: key for key, name in MAJORS.items()}
        members: dict[int, list[Student]] = defaultdict(list)
        for student in Student.objects.for_school(self.school).exclude(
            status=StudentStatus.DROPPED_OUT
        ):
            members[student.school_class_id].append(student)
        groups: dict[tuple[Any, ...], tuple[OrderClass, Partner, list[Student]]] = {}
        classes = SchoolClass.objects.for_school(self.school).filter(track=Track.VOCATIONAL)
        for school_class in classes.select_related("major").order_by("entry_year", "pk"):
            year, major = school_class.entry_year, school_class.major
            if major is None or (major.name == JOINT_MAJOR and year >= JOINT_FROM):
                continue  # the 3+2 classes go on to the partner college
            starts = dt.date(year + 1, 9, 1) if year < TODAY.year else dt.date(year, 9, 16)
            partners = partners_for(self.partners, keys[major.name], starts, fallback=False)
            roll = rng.random()
            if not partners or roll > (0.8 if year == TODAY.year else 0.97):
                continue
            partner, whole = pick(rng, partners), roll < WHOLE_CLASS
            students = members[school_class.pk]
            if not whole:
                students = rng.sample(students, round(len(students) * rng.uniform(0.75, 0.97)))
            short = partner.firm.short
            group = (school_class.pk,) if whole else (year, major.name, short)
            if group not in groups:
                name = (
                    f"{school_class.name}（{short}冠名班）"
                    if whole
                    else f"{short}{year}级{major.name}订单班"
                )
                order_class = self.new(
                    OrderClass,
                    enterprise=partner.enterprise,
                    agreement=partner.in_force(starts),
                    name=name,
                    school_class=school_class if whole else None,
                    starts_on=starts,
                    ends_on=dt.date(year + 3, 6, 30),
                    company_share=rng.choice((20, 30, 40, 50)),
                    curriculum=f"{short}企业文化与安全生产\n{JOBS[keys[major.name]]}岗位技能"
                    f"（企业技师授课）\n企业捐赠实训设备\n顶岗实习：{short}生产一线",
                )
                groups[group] = (order_class, partner, [])
            groups[group][2].extend(students)
        for order_class, _, students in groups.values():
            order_class.hiring_commitment = round(len(students) * 0.8)
        OrderClass.objects.bulk_create(order_class for order_class, _, _ in groups.values())
        through, links = OrderClass.students.through, []
        for order_class, partner, students in groups.values():
            for student in students:
                self.trained[student.pk] = (order_class, partner)
                links.append(through(orderclass_id=order_class.pk, student_id=student.pk))
        through.objects.bulk_create(links, batch_size=1000)
