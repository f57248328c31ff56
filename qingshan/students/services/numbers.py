"""Roll numbers (学籍号): issued once per student and kept for life.

The provincial systems give ``G`` followed by the 18-character resident ID number to a student
whose ID is known, and a temporary ``L`` number (the school's code, the year and a sequence)
otherwise. A number once issued never changes, even if the ID is corrected later.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from qingshan.core.validators import normalize_resident_id, validate_resident_id
from qingshan.organization.models import Student
from qingshan.students.models import RollNumber


def derived_number(student: Student, *, school_code: str, sequence: int, year: int) -> str:
    """The number the rules give this student: ``G`` + a valid resident ID, else temporary."""
    id_number = normalize_resident_id(student.id_number or "")
    if id_number:
        try:
            validate_resident_id(id_number)
        except ValidationError:
            id_number = ""
    if id_number:
        return f"G{id_number}"
    return f"L{school_code[:10]}{year}{sequence:05d}"


def issue_roll_numbers(students: list[Student], *, on: dt.date) -> list[RollNumber]:
    """Issue numbers to those of ``students`` who hold none yet (in bulk); returns the new ones."""
    if not students:
        return []
    school = students[0].school
    holding = set(
        RollNumber.objects.filter(student__in=students).values_list("student_id", flat=True)
    )
    taken = RollNumber.objects.for_school(school).filter(number__startswith="L").count()
    issued: list[RollNumber] = []
    for student in students:
        if student.pk in holding:
            continue
        number = derived_number(
            student, school_code=school.code or str(school.pk), sequence=taken + 1, year=on.year
        )
        if number.startswith("L"):
            taken += 1
        issued.append(RollNumber(school=school, student=student, number=number, issued_on=on))
    return RollNumber.objects.bulk_create(issued, batch_size=1000)
