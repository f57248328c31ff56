"""Whose paths and changes a person reads, decided once here for every page, export and the API.

- the school's roll keepers (administrator, department heads) and the county bureau: every
  student of the school;
- a head teacher: the students whose open or past enrolment is in a class they head;
- a student: their own path only;
- anyone else: nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from qingshan.core.models import School
from qingshan.organization.models import SchoolClass, Staff, Student


@dataclass(frozen=True)
class Viewer:
    reads_all: bool
    class_ids: frozenset[int]
    student_id: int | None

    @classmethod
    def of(cls, user: Any, school: School) -> Viewer:
        if user.has_perm("students.read_all", school):
            return cls(True, frozenset(), None)
        staff = Staff.objects.for_school(school).filter(user=user, left_on__isnull=True).first()
        class_ids: frozenset[int] = frozenset()
        if staff is not None and user.has_perm("students.view", school):
            class_ids = frozenset(
                SchoolClass.objects.for_school(school)
                .filter(head_teacher=staff)
                .values_list("pk", flat=True)
            )
        student = Student.objects.for_school(school).filter(user=user).first()
        return cls(False, class_ids, student.pk if student else None)

    @property
    def reads_any(self) -> bool:
        return self.reads_all or bool(self.class_ids) or self.student_id is not None

    def students(self, prefix: str = "") -> Q:
        """The condition on students (through ``prefix``, e.g. ``"student__"``) this viewer reads."""
        if self.reads_all:
            return Q()
        condition = Q(pk__in=[])
        if self.class_ids:
            condition |= Q(**{f"{prefix}enrolments__school_class__in": self.class_ids})
            condition |= Q(**{f"{prefix}school_class__in": self.class_ids})
        if self.student_id is not None:
            condition |= Q(**{f"{prefix}pk": self.student_id})
        return condition
