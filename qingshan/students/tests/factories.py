"""A school with the classes a student's path moves between, for the students app's tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qingshan.core.models import School
from qingshan.organization.enums import Semester, Track
from qingshan.organization.models import GradeTeam, Major, SchoolClass, Student, Term
from qingshan.students.services.paths import open_missing_paths
from tests.factories import (
    GradeTeamFactory,
    MajorFactory,
    SchoolClassFactory,
    SchoolFactory,
    StudentFactory,
)

AUTUMN_START = dt.date(2013, 9, 1)


@dataclass
class World:
    school: School
    general: SchoolClass
    fruit: SchoolClass
    electronics: SchoolClass
    fruit_later: SchoolClass
    fruit_term: Term

    def admit(self, school_class: SchoolClass | None = None, **options: object) -> Student:
        student = StudentFactory(
            school=self.school,
            school_class=school_class or self.general,
            enrolled_on=AUTUMN_START,
            **options,
        )
        open_missing_paths(school=self.school, on=AUTUMN_START)
        student.refresh_from_db()
        return student


def world(school: School | None = None) -> World:
    school = school or SchoolFactory(authority__region_code="511921", code="5119210001")
    autumn, _made = Term.objects.get_or_create(
        school=school,
        school_year=2013,
        semester=Semester.AUTUMN,
        defaults={"start_date": AUTUMN_START, "end_date": dt.date(2014, 1, 20)},
    )
    Term.objects.get_or_create(
        school=school,
        school_year=2013,
        semester=Semester.SPRING,
        defaults={"start_date": dt.date(2014, 2, 25), "end_date": dt.date(2014, 7, 10)},
    )
    grade = GradeTeam.objects.filter(school=school, entry_year=2013).first() or GradeTeamFactory(
        school=school, entry_year=2013
    )
    later = GradeTeam.objects.filter(school=school, entry_year=2014).first() or GradeTeamFactory(
        school=school, entry_year=2014
    )
    fruit_major = _major(school, "果树栽培")
    return World(
        school=school,
        general=_class(school, "2013级普高1班", grade_team=grade, track=Track.GENERAL, major=None),
        fruit=_class(school, "2013级果树1班", grade_team=grade, major=fruit_major),
        electronics=_class(
            school, "2013级电子1班", grade_team=grade, major=_major(school, "电子技术应用")
        ),
        fruit_later=_class(school, "2014级果树1班", grade_team=later, major=fruit_major),
        fruit_term=autumn,
    )


# One world per school: a second call (another app's records in the same school) finds the first's.
def _major(school: School, name: str) -> Major:
    return Major.objects.filter(school=school, name=name).first() or MajorFactory(
        school=school, name=name
    )


def _class(school: School, name: str, **fields: object) -> SchoolClass:
    return SchoolClass.objects.filter(school=school, name=name).first() or SchoolClassFactory(
        school=school, name=name, **fields
    )
