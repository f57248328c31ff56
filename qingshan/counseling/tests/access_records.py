"""One record of every counseling page of a school, for the URL × role matrix and the tenant
isolation rows (``tests/access/counseling.py``): a scale, a campaign with a red sheet and its
alert, a case with a session, and an incident."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from qingshan.counseling.models import Alert
from qingshan.counseling.services import cases, compliance, scales, screening
from qingshan.organization.models import GradeTeam
from tests.factories import SchoolClassFactory, StaffFactory, StudentFactory

RED = dict.fromkeys(range(1, 15), 4) | {5: 1, 12: 4, 7: 1, 10: 1, 11: 1}


def access_records(school: Any, mark: str = "") -> dict[str, Any]:
    counselor = StaffFactory(school=school, name=f"{mark}心理老师")
    # Another app's records may hold a grade team already: one per entry year and school.
    grade_team, _made = GradeTeam.objects.get_or_create(
        school=school, entry_year=2013, defaults={"name": "2013级"}
    )
    school_class = SchoolClassFactory(
        school=school, grade_team=grade_team, entry_year=2013, name=f"{mark}心理普查班"
    )
    student = StudentFactory(
        school=school,
        school_class=school_class,
        name=f"{mark}受访学生",
        birth_date=dt.date(1997, 5, 1),
    )
    scale = scales.install_scale(school=school, code="QS-MOOD")
    today = timezone.localdate()
    campaign = screening.create_campaign(
        school=school,
        values={
            "name": f"{mark}心理普查",
            "scale": scale,
            "opens_on": today - dt.timedelta(days=2),
            "closes_on": today + dt.timedelta(days=5),
            "counselor": counselor,
        },
    )
    screening.open_campaign(campaign=campaign)
    sheet = screening.hand_in(campaign=campaign, student=student, answers=RED)
    case = cases.open_case(
        school=school,
        student=student,
        counselor=counselor,
        source="screening",
        concern=f"{mark}机密咨询内容",
    )
    incident = compliance.create_incident(
        school=school,
        values={
            "kind": "loss",
            "occurred_on": today - dt.timedelta(days=3),
            "found_on": today - dt.timedelta(days=2),
            "description": f"{mark}丢失一份纸质普查名单",
            "people_affected": 1,
            "minors_affected": 1,
        },
    )
    return {
        "incident": incident,
        "counseling_scale": scale,
        "counseling_campaign": campaign,
        "counseling_alert": Alert.objects.get(sheet=sheet),
        "counseling_case": case,
        "counseling_student": student,
        "threshold": scale.thresholds.first(),
    }
