"""A school with classes, students, a teacher, units and placements, for the internships tests.

``Site.values`` is a post internship that breaks no rule: each test changes the one field whose
rule it is about, so that the open findings it sees are that rule's alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from qingshan.accounts.models import User
from qingshan.core.models import School
from qingshan.internships.enums import LegalStatus, UnitKind
from qingshan.internships.models import Placement, Unit
from qingshan.internships.services.placements import create_placement
from qingshan.internships.services.units import create_unit
from qingshan.organization.models import GradeTeam, SchoolClass, Staff, Student
from tests.factories import (
    GradeTeamFactory,
    SchoolClassFactory,
    SchoolFactory,
    StaffFactory,
    StudentFactory,
    UserFactory,
)

START = dt.date(2024, 3, 1)  # a Friday; under the 2021 rules
END = dt.date(2024, 8, 31)  # six months less a day: no duration finding
SIXTEENTH_BIRTHDAY = dt.date(2008, 3, 1)  # 16 on START
SECOND_YEAR_ENTRY = 2022  # year_of_study(2022, START) == 2
FIRST_YEAR_ENTRY = 2023  # year_of_study(2023, START) == 1


def _class(school: School, entry_year: int, name: str) -> SchoolClass:
    grade = GradeTeam.objects.filter(school=school, entry_year=entry_year).first()
    grade = grade or GradeTeamFactory(school=school, entry_year=entry_year)
    return SchoolClassFactory(school=school, grade_team=grade, name=name)


@dataclass
class Site:
    school: School
    second_years: SchoolClass
    first_years: SchoolClass
    teacher: Staff
    user: User
    farm: Unit

    def student(
        self, *, born: dt.date = dt.date(2006, 5, 1), school_class: SchoolClass | None = None
    ) -> Student:
        return StudentFactory(
            school=self.school,
            school_class=school_class or self.second_years,
            birth_date=born,
            enrolled_on=dt.date(school_class.entry_year if school_class else 2022, 9, 1),
        )

    def unit(self, name: str, **values: Any) -> Unit:
        fields: dict[str, Any] = {
            "name": name,
            "kind": UnitKind.FARM,
            "legal_status": LegalStatus.LEGAL_PERSON,
            "registration_no": "12370000MB0000000X",
            "staff_count": 1000,
        }
        fields.update(values)
        return create_unit(school=self.school, values=fields)

    def values(self, **overrides: Any) -> dict[str, Any]:
        """A post internship at the farm that breaks no rule, for a new second-year of 17."""
        fields: dict[str, Any] = {
            "unit": self.farm,
            "kind": "post",
            "starts_on": START,
            "ends_on": END,
            "post": "果树管理",
            "school_supervisor": self.teacher,
            "unit_supervisor": "王师傅",
            "agreement_signed_on": START - dt.timedelta(days=10),
            "consent_signed_on": START - dt.timedelta(days=10),
            "insurer": "人保财险",
            "policy_no": "PICC-2024-001",
            "insured_from": START,
            "insured_until": END,
            "premium_payer": "school",
            "monthly_pay": Decimal("2000.00"),
            "pay_basis": "same_post",
            "reference_wage": Decimal("2400.00"),
            "pay_interval_days": 30,
            "post_staff": 1000,
        }
        fields.update(overrides)
        if "student" not in fields:
            fields["student"] = self.student()
        return fields

    def place(self, **overrides: Any) -> Placement:
        return create_placement(school=self.school, values=self.values(**overrides))


def site(school: School | None = None) -> Site:
    school = school or SchoolFactory()
    place = Site(
        school=school,
        second_years=_class(school, SECOND_YEAR_ENTRY, "2022级果树1班"),
        first_years=_class(school, FIRST_YEAR_ENTRY, "2023级果树1班"),
        teacher=StaffFactory(school=school),
        user=UserFactory(),
        farm=None,  # type: ignore[arg-type]
    )
    place.farm = place.unit("学校果园")
    return place


def open_rules(placement: Placement) -> set[str]:
    """The rules of the placement's open findings."""
    return set(placement.findings.filter(mended_on__isnull=True).values_list("rule", flat=True))


def error_codes(error: ValidationError) -> set[str]:
    """Every code in a ValidationError, on a field or not."""
    if hasattr(error, "error_dict"):
        return {item.code for items in error.error_dict.values() for item in items}
    return {item.code for item in error.error_list}
