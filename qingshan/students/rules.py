"""Who may do what with students' paths; checked against the request's school.

Staff and the county bureau read the roll changes, the textbooks and the figures; which students'
paths and changes a person reads is decided row by row in ``selectors.visibility``: the school's
roll keepers and the bureau every student, a head teacher the students of the classes they head,
a student their own path. The administrator and department heads keep the rolls: they request,
approve and carry out changes, open choice windows and keep the rules and the textbook register.
"""

from typing import Any

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_department_head,
    is_school_admin,
    is_staff_member,
    is_student,
)
from qingshan.organization.models import Student


@rules.predicate
def has_student_record(user: Any, school: Any) -> bool:
    """The user's login is linked to a student of the school."""
    return Student.objects.filter(school=school, user=user).exists()


is_roll_keeper = is_school_admin | is_department_head

rules.add_perm("students.view", is_staff_member | is_authority_viewer)
rules.add_perm("students.manage", is_roll_keeper)
rules.add_perm("students.read_all", is_roll_keeper | is_authority_viewer)
rules.add_perm("students.own_path", is_student & has_student_record)
# ID and roll numbers in full, as ``organization.view_personal``.
rules.add_perm("students.view_personal", is_school_admin | is_authority_viewer)
