"""A school with the classes a student's path moves between, for the students app's tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qingshan.core.models import School
from qingshan.organization.enums import Semester, Track
from qingshan.organization.models import GradeTeam, SchoolClass, Student, Term
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
    fruit_major = MajorFactory(school=school, name="果树栽培")
    return World(
        school=school,
        general=SchoolClassFactory(
            school=school, grade_team=grade, track=Track.GENERAL, major=None, name="2013级普高1班"
        ),
        fruit=SchoolClassFactory(
            school=school, grade_team=grade, major=fruit_major, name="2013级果树1班"
        ),
        electronics=SchoolClassFactory(
            school=school,
            grade_team=grade,
            major=MajorFactory(school=school, name="电子技术应用"),
            name="2013级电子1班",
        ),
        fruit_later=SchoolClassFactory(
            school=school, grade_team=later, major=fruit_major, name="2014级果树1班"
        ),
        fruit_term=autumn,
    )
