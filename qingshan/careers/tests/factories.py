"""Graduates, enterprises and destinations for the careers app's tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from qingshan.careers.enums import Channel, DestinationKind, Region, Sector
from qingshan.careers.models import Destination, Enterprise
from qingshan.careers.services.destinations import record_destination
from qingshan.careers.services.enterprises import create_enterprise
from qingshan.core.models import School
from qingshan.core.validators import make_credit_code
from qingshan.organization.models import SchoolClass, Student
from qingshan.students.services.changes import graduate_class
from qingshan.students.tests.factories import World, world
from tests.factories import SchoolClassFactory

GRADUATION = dt.date(2016, 7, 1)


@dataclass
class Careers:
    place: World
    fruit: SchoolClass
    electronics: SchoolClass
    graduates: list[Student] = field(default_factory=list)

    @property
    def school(self) -> School:
        return self.place.school

    def graduate(
        self, count: int, *, electronics: bool = False, on: dt.date = GRADUATION
    ) -> list[Student]:
        """``count`` students of one class, graduated together on ``on``."""
        school_class = self.electronics if electronics else self.fruit
        students = [self.place.admit(school_class) for _ in range(count)]
        graduate_class(
            school_class=school_class,
            on=on,
            first_certificate=f"GY{on.year}-{len(self.graduates) + 1:04d}",
            user=None,
        )
        for student in students:
            student.refresh_from_db()
        self.graduates += students
        return students

    def enterprise(self, name: str = "深圳富士康", serial: int = 1) -> Enterprise:
        return create_enterprise(
            school=self.school,
            values={
                "name": name,
                "credit_code": make_credit_code("440300", serial),
                "city": "深圳",
                "sector": Sector.MANUFACTURING,
            },
        )

    def employ(self, student: Student, **values: Any) -> Destination:
        fields: dict[str, Any] = {
            "student": student,
            "kind": DestinationKind.ENTERPRISE,
            "employer": "深圳富士康",
            "region": Region.OTHER_PROVINCE,
            "matches_major": True,
            "channel": Channel.SCHOOL,
            "starting_salary": 2500,
        }
        fields.update(values)
        return record_destination(school=self.school, values=fields)


def _class(place: World, like: SchoolClass, name: str) -> SchoolClass:
    """A class of the graduates' own, so that another app's students in the world's classes
    (the access matrix builds every app's records in one school) do not graduate with them."""
    found = SchoolClass.objects.filter(school=place.school, name=name).first()
    return found or SchoolClassFactory(
        school=place.school, name=name, grade_team=like.grade_team, major=like.major
    )


def careers(school: School | None = None) -> Careers:
    place = world(school)
    return Careers(
        place=place,
        fruit=_class(place, place.fruit, "2013级果树订单班"),
        electronics=_class(place, place.electronics, "2013级电子订单班"),
    )
