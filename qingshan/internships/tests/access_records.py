"""One record of every internships resource of a school, for the URL × role matrix and the
tenant isolation rows (``tests/access/internships.py``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from qingshan.careers.services.enterprises import create_enterprise
from qingshan.core.validators import make_credit_code
from qingshan.internships.services import placements, timesheets, units
from qingshan.organization.models import GradeTeam
from tests.factories import SchoolClassFactory, StaffFactory, StudentFactory

START = dt.date(2013, 3, 4)


def access_records(school: Any, mark: str = "") -> dict[str, Any]:
    grade_team, _made = GradeTeam.objects.get_or_create(
        school=school, entry_year=2011, defaults={"name": "2011级"}
    )
    school_class = SchoolClassFactory(
        school=school, grade_team=grade_team, entry_year=2011, name=f"{mark}果蔬2011级"
    )
    student = StudentFactory(
        school=school,
        school_class=school_class,
        name=f"{mark}实习生",
        birth_date=dt.date(1995, 5, 1),
    )
    supervisor = StaffFactory(school=school, name=f"{mark}指导教师")
    company = create_enterprise(
        school=school,
        values={
            "name": f"{mark}青山果业公司",
            "credit_code": make_credit_code("370000", 91 + school.pk),
            "sector": "A",
        },
    )
    farm = units.create_unit(
        school=school,
        values={
            "name": f"{mark}学校农场",
            "kind": "farm",
            "area_mu": Decimal(300),
            "legal_status": "legal",
            "registration_no": "12370000MB0000001X",
            "staff_count": 40,
        },
    )
    units.create_unit(school=school, values={"enterprise": company, "staff_count": 120})
    production = units.record_production(
        school=school,
        values={
            "unit": farm,
            "period_start": dt.date(2013, 7, 1),
            "period_end": dt.date(2013, 9, 30),
            "output": f"{mark}苹果",
            "quantity": Decimal(42000),
            "quantity_unit": "公斤",
            "revenue": Decimal(126000),
            "cost": Decimal(70000),
        },
    )
    works = units.record_works(
        school=school,
        values={
            "unit": farm,
            "title": f"{mark}校园道路",
            "kind": "road",
            "started_on": dt.date(2013, 4, 1),
            "classes": [school_class],
        },
    )
    placement = placements.create_placement(
        school=school,
        values={
            "student": student,
            "unit": farm,
            "kind": "post",
            "starts_on": START,
            "ends_on": dt.date(2013, 8, 31),
            "post": "果树管理",
            "school_supervisor": supervisor,
            "unit_supervisor": f"{mark}王师傅",
            "agreement_signed_on": dt.date(2013, 2, 20),
            "consent_signed_on": dt.date(2013, 2, 20),
            "insurer": "人保财险",
            "policy_no": "PZ2013001",
            "insured_from": dt.date(2013, 3, 1),
            "insured_until": dt.date(2013, 9, 30),
            "premium_payer": "school",
            "monthly_pay": Decimal(1600),
            "pay_basis": "same_post",
            "reference_wage": Decimal(2000),
            "post_staff": 10,
        },
    )
    timesheets.log_day(
        placement=placement,
        values={"day": START, "starts_at": dt.time(8), "ends_at": dt.time(17), "break_minutes": 60},
    )
    visit = placements.record_visit(
        placement=placement,
        values={"visited_on": dt.date(2013, 4, 10), "visitor": supervisor, "skill": 4},
    )
    return {
        "unit": farm,
        "production": production,
        "works": works,
        "placement": placement,
        # Not "visit": outreach's visits hold that key in the matrix's records.
        "internships_visit": visit,
        "internships_week": placement.weeks.get(),
    }
