"""The demo school's internships as its 2013 summary tells them: more than 20 factories, farms and
shops of its own with a 300-mu farm and a 150-mu nursery; the construction classes building the
school's roads, ditches and sports field; the farming classes on the orchards and nurseries; post
internships of the 2011 classes in spring and summer 2013, at the school's own units and at
partner companies of the careers register, checked against the rules (some breaches found and
mended, a few still open); weeks logged, confirmed by the units and reviewed by the teachers; and
the 2013 first-years' cognitive internship on the farm in October.

Placements are written in bulk and checked once each (``checks.recheck``) with the day the check
would have run then; mending goes through ``update_placement`` and is dated after. Deterministic
and idempotent: a school with internship units is left alone.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from qingshan.careers.models import Enterprise
from qingshan.core.demo_vocabulary import demo_school, person_name
from qingshan.core.models import School
from qingshan.internships.demo.vocabulary import (
    CENT,
    COMPANY_POSTS,
    INSURER,
    JOURNALS,
    LOGGED_MAJORS,
    MAJOR_POSTS,
    OUTPUTS,
    OWN_UNITS,
    POST_END,
    POST_START,
    QUARTERS,
    VISIT_END,
    VISIT_START,
    WORKS,
)
from qingshan.internships.enums import (
    LegalStatus,
    PayBasis,
    PlacementKind,
    PremiumPayer,
    UnitKind,
)
from qingshan.internships.models import (
    Day,
    Finding,
    Placement,
    Production,
    Unit,
    Visit,
    Week,
)
from qingshan.internships.rulesets import province_of, ruleset_for
from qingshan.internships.services import checks, placements, timesheets, units
from qingshan.internships.services.timesheets import monday, worked
from qingshan.organization.enums import StudentStatus, Track
from qingshan.organization.models import SchoolClass, Staff, Student


class InternshipsDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school, self.rng = school, rng
        self.units: dict[str, Unit] = {}
        self.teachers = list(
            Staff.objects.for_school(school)
            .active()
            .filter(left_on__isnull=True)
            .exclude(subject__in=("语文", "数学", "英语", "体育"))
            .order_by("staff_no")
        ) or list(Staff.objects.for_school(school).order_by("staff_no"))

    def build(self) -> None:
        self.build_units()
        self.build_production()
        self.build_works()
        post = self.build_post_placements()
        self.log_weeks(
            [
                p
                for p in post
                if p.student.school_class.major
                and p.student.school_class.major.name in LOGGED_MAJORS
            ]
        )
        self.mend(post)
        self.build_cognitive()

    # --- units and production ------------------------------------------------------------
    def build_units(self) -> None:
        for index, (name, kind, area, status, staff, founded) in enumerate(OWN_UNITS, start=1):
            registered = status != LegalStatus.UNREGISTERED
            self.units[name] = units.create_unit(
                school=self.school,
                values={
                    "name": name,
                    "kind": kind,
                    "area_mu": Decimal(area) if area else None,
                    "legal_status": status,
                    "registration_no": f"52511921MJ{index:07d}X" if registered else "",
                    "staff_count": staff,
                    "manager": self.rng.choice(self.teachers),
                    "founded_year": founded,
                    "address": "通江县职业高级中学校内"
                    if kind != UnitKind.FARM
                    else "通江县诺江镇",
                },
            )
        for enterprise in Enterprise.objects.for_school(self.school).active().order_by("pk")[:10]:
            self.units[enterprise.name] = units.create_unit(
                school=self.school,
                values={
                    "enterprise": enterprise,
                    "staff_count": self.rng.choice((900, 1200, 2500, 3200)),
                },
            )

    def build_production(self) -> None:
        rows = []
        for unit_name, output, quantity, measure, plot, crop, revenue in OUTPUTS:
            for start, end in QUARTERS:
                if crop in ("玉米", "小麦", "苹果", "雪梨") and start.month not in (4, 7):
                    continue  # harvested in summer and autumn
                amount = Decimal(revenue) * Decimal(self.rng.randint(85, 115)) / 100
                rows.append(
                    Production(
                        school=self.school,
                        unit=self.units[unit_name],
                        period_start=start,
                        period_end=end,
                        output=output,
                        quantity=Decimal(quantity),
                        quantity_unit=measure,
                        plot=plot,
                        crop=crop,
                        revenue=amount.quantize(Decimal(1)),
                        cost=(amount * Decimal("0.58")).quantize(Decimal(1)),
                        teaching_use=(amount * Decimal("0.2")).quantize(Decimal(1)),
                        students_worked=self.rng.randint(40, 160),
                        teachers_worked=self.rng.randint(2, 8),
                    )
                )
        Production.objects.bulk_create(rows)

    def build_works(self) -> None:
        for title, kind, size, start, finish, major, days, value in WORKS:
            classes = SchoolClass.objects.for_school(self.school).filter(
                major__name=major, entry_year__in=(2011, 2012)
            )
            units.record_works(
                school=self.school,
                values={
                    "unit": self.units["校园建设工程队"],
                    "title": title,
                    "kind": kind,
                    "size": size,
                    "started_on": start,
                    "finished_on": finish,
                    "classes": list(classes),
                    "student_days": days,
                    "value": Decimal(value),
                },
            )

    # --- placements ----------------------------------------------------------------------
    def _interns(self, entry_year: int) -> list[Student]:
        return list(
            Student.objects.for_school(self.school)
            .filter(
                school_class__entry_year=entry_year,
                school_class__track=Track.VOCATIONAL,
                status=StudentStatus.STUDYING,
            )
            .exclude(birth_date__isnull=True)
            .select_related("school_class__major")
            .order_by("student_no")
        )

    def build_post_placements(self) -> list[Placement]:
        ruleset = ruleset_for(POST_START, province_of(self.school))
        companies = [unit for unit in self.units.values() if not unit.is_own]
        rows: list[Placement] = []
        # The school's own units take no more interns than a tenth of their staff; the rest go
        # to the partner companies, large enough to keep the shares.
        room = {name: unit.staff_count // 10 for name, unit in self.units.items() if unit.is_own}
        for student in self._interns(2011):
            major = student.school_class.major.name if student.school_class.major else ""
            own_name, post = MAJOR_POSTS.get(major, ("学校农场", "大田管理"))
            if room.get(own_name, 0) > 0 and self.rng.random() < 0.3:
                room[own_name] -= 1
                unit = self.units[own_name]
            else:
                unit = self.rng.choice(companies)
                post = COMPANY_POSTS.get(major, "生产操作")
            supervisor_name = person_name(self.rng, female=self.rng.random() < 0.4)
            wage = Decimal(self.rng.choice((1800, 2000, 2200, 2400)))
            rows.append(
                Placement(
                    school=self.school,
                    student=student,
                    unit=unit,
                    kind=PlacementKind.POST,
                    starts_on=POST_START,
                    ends_on=POST_END,
                    post=post,
                    matches_major=True,
                    school_supervisor=self.rng.choice(self.teachers),
                    unit_supervisor=supervisor_name,
                    unit_supervisor_phone=f"139{self.rng.randint(10_000_000, 99_999_999)}",
                    agreement_signed_on=dt.date(2013, 2, 25),
                    consent_signed_on=dt.date(2013, 2, 25),
                    insurer=INSURER,
                    policy_no=f"PZ2013511921{len(rows) + 1:05d}",
                    insured_from=POST_START,
                    insured_until=dt.date(2013, 9, 30),
                    premium_payer=PremiumPayer.SCHOOL,
                    monthly_pay=(wage * Decimal("0.85")).quantize(CENT),
                    pay_basis=PayBasis.SAME_POST,
                    reference_wage=wage,
                    pay_interval_days=30,
                    post_staff=max(5, unit.staff_count // (2 if unit.is_own else 4)),
                    ruleset_key=ruleset.key,
                )
            )
        self._breaches(rows)
        Placement.objects.bulk_create(rows, batch_size=500)
        made = list(
            Placement.objects.for_school(self.school)
            .filter(kind=PlacementKind.POST)
            .select_related("student__school_class__major", "unit", "school__authority")
        )
        for placement in made:
            checks.recheck(placement, today=placement.starts_on)
        return made

    def _breaches(self, rows: list[Placement]) -> None:
        """What the checks of spring 2013 found: papers late, pay short at one company, insurance
        that ended before the internship, two students' consent never handed in."""
        outside = [row for row in rows if row.unit.enterprise_id]
        for row in self.rng.sample(rows, min(14, len(rows))):
            row.agreement_signed_on = None
        for row in outside[:6]:
            row.monthly_pay = ((row.reference_wage or Decimal(0)) * Decimal("0.7")).quantize(CENT)
        for row in self.rng.sample(rows, min(5, len(rows))):
            row.insured_until = dt.date(2013, 6, 30)
        for row in rows[-2:]:
            row.consent_signed_on = None

    def mend(self, made: list[Placement]) -> None:
        """The school mends what it found: the agreements signed, the pay raised, the insurance
        extended; the mending is dated in spring 2013. An electronics company's seasonal night
        shifts were filed with the county bureau and excepted."""
        for placement in made:
            open_rules = set(
                placement.findings.filter(mended_on__isnull=True).values_list("rule", flat=True)
            )
            values: dict[str, Any] = {}
            if "agreement" in open_rules:
                values["agreement_signed_on"] = dt.date(2013, 3, 8)
            if "pay_level" in open_rules and placement.reference_wage:
                values["monthly_pay"] = (placement.reference_wage * Decimal("0.8")).quantize(CENT)
            if "insurance" in open_rules:
                values["insured_until"] = dt.date(2013, 9, 30)
            if values:
                placements.update_placement(record=placement, values=values)
                mended_on = (
                    dt.date(2013, 3, 15) if "agreement" in open_rules else dt.date(2013, 4, 10)
                )
                Finding.objects.filter(
                    placement=placement, mended_on__isnull=False, mended_on__gt=dt.date(2014, 1, 1)
                ).update(mended_on=mended_on)
        Finding.objects.filter(
            school=self.school, mended_on__isnull=True, found_on__gt=dt.date(2014, 1, 1)
        ).update(found_on=dt.date(2013, 4, 10))

    def log_weeks(self, logged: list[Placement]) -> None:
        """The weeks of the interns who logged on their phones: five days a week, 8:00 to 17:00
        with an hour's break; handed in, confirmed by the unit (a few late or never) and reviewed."""
        weeks, days = [], []
        for placement in logged:
            rules = checks.ruleset_of(placement)
            start = monday(placement.starts_on)
            while start <= placement.ends_on:
                weeks.append(
                    Week(
                        school=self.school,
                        placement=placement,
                        week_start=start,
                        journal=self.rng.choice(JOURNALS),
                        submitted_at=_at(start + dt.timedelta(days=5)),
                        confirmed_at=_at(start + dt.timedelta(days=self.rng.choice((6, 7, 8, 13))))
                        if self.rng.random() < 0.94
                        else None,
                        confirmed_by=placement.unit_supervisor,
                        attendance=self.rng.choice((4, 5, 5)),
                        attitude=self.rng.choice((4, 5)),
                        skill=self.rng.choice((3, 4, 4, 5)),
                        safety=5,
                        reviewed_on=start + dt.timedelta(days=9)
                        if self.rng.random() < 0.88
                        else None,
                        reviewed_by=placement.school_supervisor,
                    )
                )
                start += dt.timedelta(days=7)
        Week.objects.bulk_create(weeks, batch_size=1000)
        for week in Week.objects.for_school(self.school).select_related("placement"):
            for offset in range(5):
                day = week.week_start + dt.timedelta(days=offset)
                if not week.placement.starts_on <= day <= week.placement.ends_on:
                    continue
                done = worked(day, dt.time(8), dt.time(17), 60, rules)
                days.append(
                    Day(
                        school=self.school,
                        week=week,
                        day=day,
                        starts_at=dt.time(8),
                        ends_at=dt.time(17),
                        break_minutes=60,
                        minutes=done.minutes,
                    )
                )
        Day.objects.bulk_create(days, batch_size=2000)
        visits = [
            Visit(
                school=self.school,
                placement=placement,
                visited_on=on,
                visitor=placement.school_supervisor,
                attendance=5,
                attitude=self.rng.choice((4, 5)),
                skill=self.rng.choice((3, 4, 5)),
                safety=5,
                teamwork=4,
                note="到实习现场查看，与单位指导人员交流学生表现。",
            )
            for placement in logged
            for on in (dt.date(2013, 4, 16), dt.date(2013, 7, 9))
        ]
        Visit.objects.bulk_create(visits)

    def build_cognitive(self) -> None:
        """The first-years' week on the farm in October (认识实习), the demo student's among them."""
        farm = self.units["学校农场"]
        ruleset = ruleset_for(VISIT_START, province_of(self.school))
        students = [
            student
            for student in self._interns(2013)
            if student.school_class.major
            and student.school_class.major.name
            in ("现代农艺技术", "果树栽培", "园林苗圃", "畜禽生产与疾病防治")
        ]
        # The demo student's class (general track) joined the farm week: the login has a placement.
        login = Student.objects.for_school(self.school).filter(user__username="student").first()
        if login is not None and login not in students:
            students.append(login)
        teacher = (
            Staff.objects.for_school(self.school).filter(user__username="teacher").first()
            or self.teachers[0]
        )
        rows = [
            Placement(
                school=self.school,
                student=student,
                unit=farm,
                kind=PlacementKind.COGNITIVE,
                starts_on=VISIT_START,
                ends_on=VISIT_END,
                post="农场认知",
                school_supervisor=teacher,
                unit_supervisor="农场场长",
                insurer=INSURER,
                policy_no=f"PZ2013C{index:05d}",
                insured_from=VISIT_START,
                insured_until=VISIT_END,
                premium_payer=PremiumPayer.SCHOOL,
                ruleset_key=ruleset.key,
                ended_on=VISIT_END,
                end_note="认识实习结束",
            )
            for index, student in enumerate(students, start=1)
        ]
        Placement.objects.bulk_create(rows)
        if login is not None:
            self.log_farm_week(Placement.objects.get(student=login, kind=PlacementKind.COGNITIVE))

    def log_farm_week(self, placement: Placement) -> None:
        """The demo student's week on the farm, logged on a phone and handed in."""
        day = VISIT_START
        while day <= VISIT_END:
            timesheets.log_day(
                placement=placement,
                values={
                    "day": day,
                    "starts_at": dt.time(8, 30),
                    "ends_at": dt.time(16, 30),
                    "break_minutes": 90,
                },
            )
            day += dt.timedelta(days=1)
        week = placement.weeks.get()
        timesheets.hand_in_week(
            week=week, journal="这一周在学校农场认识了玉米和小麦的田间管理，跟着师傅学会了看墒情。"
        )


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(18)))


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or Unit.objects.for_school(school).exists():
        return "internships present"
    demo = InternshipsDemo(school, random.Random(2013))
    demo.build()
    placed = Placement.objects.for_school(school).count()
    return f"{len(demo.units)} internship units, {placed} placements"
