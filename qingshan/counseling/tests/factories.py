"""A school with a counselor, a head teacher, a class of students, the demo scale installed and an
open campaign, for the counseling tests.

``Clinic.calm`` answers the demo scale with no grade; ``Clinic.red`` reaches red on the mood
factor; ``Clinic.invalid`` fails a validity item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.accounts.models import User
from qingshan.core.models import School
from qingshan.counseling.models import Campaign, Case, Scale
from qingshan.counseling.services import cases, scales, screening
from qingshan.organization.models import SchoolClass, Staff, Student
from tests.factories import (
    MembershipFactory,
    SchoolClassFactory,
    SchoolFactory,
    StaffFactory,
    StudentFactory,
    UserFactory,
)

# Item numbers of the demo scale (``instruments.DEMO``): 5 and 12 are validity items (1 and 4
# keep the sheet valid), 7, 10 and 11 are reversed.
CALM = dict.fromkeys(range(1, 15), 1) | {5: 1, 12: 4, 7: 4, 10: 4, 11: 4}
RED = dict.fromkeys(range(1, 15), 4) | {5: 1, 12: 4, 7: 1, 10: 1, 11: 1}
INVALID = CALM | {5: 3}


def user_for(school: School, role: str, *, username: str = "") -> User:
    user = UserFactory(**({"username": username} if username else {}))
    MembershipFactory(user=user, school=school, role=role)
    return user


@dataclass
class Clinic:
    school: School
    counselor: Staff
    counselor_user: User
    head_teacher: Staff
    head_teacher_user: User
    school_class: SchoolClass
    scale: Scale
    campaign: Campaign

    def student(self, **values: object) -> Student:
        values.setdefault("birth_date", dt.date(1997, 5, 1))
        return StudentFactory(school=self.school, school_class=self.school_class, **values)

    def student_user(self, student: Student) -> User:
        user = user_for(self.school, Role.STUDENT)
        student.user = user
        student.save(update_fields=["user"])
        return user

    def hand_in(self, student: Student, answers: dict[int, int]) -> object:
        return screening.hand_in(campaign=self.campaign, student=student, answers=answers)

    def case(self, student: Student | None = None, concern: str = "考试焦虑，睡眠差") -> Case:
        return cases.open_case(
            school=self.school,
            student=student or self.student(),
            counselor=self.counselor,
            source="head_teacher",
            concern=concern,
        )


def clinic(school: School | None = None, *, mark: str = "") -> Clinic:
    school = school or SchoolFactory()
    counselor_user = user_for(school, Role.COUNSELOR)
    counselor = StaffFactory(school=school, name=f"{mark}心理老师", user=counselor_user)
    head_user = user_for(school, Role.TEACHER)
    head = StaffFactory(school=school, name=f"{mark}班主任", user=head_user)
    school_class = SchoolClassFactory(school=school, name=f"{mark}果蔬2013级", head_teacher=head)
    scale = scales.install_scale(school=school, code="QS-MOOD")
    today = timezone.localdate()
    campaign = screening.create_campaign(
        school=school,
        values={
            "name": f"{mark}秋季心理普查",
            "scale": scale,
            "opens_on": today - dt.timedelta(days=3),
            "closes_on": today + dt.timedelta(days=10),
            "counselor": counselor,
        },
    )
    screening.open_campaign(campaign=campaign)
    return Clinic(school, counselor, counselor_user, head, head_user, school_class, scale, campaign)
