"""Records of the trainings for tests: each helper makes a valid record of the given school."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from qingshan.core.validators import make_resident_id
from qingshan.trainings.models import Certificate, Cohort, Course, Enrolment, FollowUp, Trainee

_sequence = itertools.count(1)


def course(school: Any, **values: Any) -> Course:
    n = next(_sequence)
    fields: dict[str, Any] = {
        "name": f"电焊工培训{n}",
        "trade": "电焊工",
        "hours": 120,
        "days": 15,
        "start_on": dt.date(2013, 3, 1),
        "end_on": dt.date(2013, 3, 15),
        "programme": "阳光工程",
        "subsidy_per_head": Decimal(600),
    }
    return Course.objects.create(school=school, **{**fields, **values})


def cohort(school: Any, course_record: Course | None = None, **values: Any) -> Cohort:
    course_record = course_record or course(school)
    fields: dict[str, Any] = {
        "name": f"{course_record.name}班{next(_sequence)}",
        "start_on": course_record.start_on,
        "end_on": course_record.end_on,
    }
    return Cohort.objects.create(school=school, course=course_record, **{**fields, **values})


def trainee(school: Any, **values: Any) -> Trainee:
    n = next(_sequence)
    fields: dict[str, Any] = {
        "name": f"学员{n}",
        "gender": "male",
        "id_number": make_resident_id(
            "511921", dt.date(1980, 1, 1) + dt.timedelta(days=n), n % 1000
        ),
        "township": "民胜镇",
        "village": "青山村",
        "phone": "13912345678",
    }
    return Trainee.objects.create(school=school, **{**fields, **values})


def enrolment(
    school: Any,
    cohort_record: Cohort | None = None,
    trainee_record: Trainee | None = None,
    **values: Any,
) -> Enrolment:
    return Enrolment.objects.create(
        school=school,
        cohort=cohort_record or cohort(school),
        trainee=trainee_record or trainee(school),
        **{"days_attended": 15, "completed": True, **values},
    )


def certificate(school: Any, place: Enrolment, **values: Any) -> Certificate:
    fields: dict[str, Any] = {
        "number": f"C{next(_sequence):06d}",
        "issuer": "县人社局",
        "issued_on": place.cohort.end_on,
    }
    return Certificate.objects.create(school=school, enrolment=place, **{**fields, **values})


def follow_up(school: Any, place: Enrolment, **values: Any) -> FollowUp:
    fields: dict[str, Any] = {
        "checked_on": place.cohort.end_on + dt.timedelta(days=30),
        "employed": True,
        "employer": "某电子厂",
        "region": "广东东莞",
        "monthly_income": Decimal(1500),
    }
    return FollowUp.objects.create(school=school, enrolment=place, **{**fields, **values})


def training_records(school: Any, mark: str = "") -> dict[str, Any]:
    """One record of each kind, for the URL × role matrix and the isolation tests."""
    course_record = course(school, name=f"{mark}电工培训{next(_sequence)}")
    cohort_record = cohort(school, course_record, name=f"{mark}电工班{next(_sequence)}")
    trainee_record = trainee(school, name=f"{mark}学员")
    place = enrolment(school, cohort_record, trainee_record, note=mark)
    return {
        "course": course_record,
        "cohort": cohort_record,
        "trainee": trainee_record,
        "enrolment": place,
        "certificate": certificate(school, place, number=f"{mark}N{next(_sequence)}"),
        "followup": follow_up(school, place, employer=f"{mark}厂"),
    }
