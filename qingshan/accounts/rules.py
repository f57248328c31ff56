"""Who may do what. Every permission is checked against a school (the object of the check).

``user.has_perm("organization.manage", request.school)``
"""

from __future__ import annotations

from typing import Any

import rules

from qingshan.accounts.enums import STAFF_ROLES, Role
from qingshan.accounts.selectors import roles_at


def _has_any(*wanted: str) -> Any:
    wanted_set = frozenset(wanted)

    @rules.predicate
    def predicate(user: Any, school: Any) -> bool:
        return bool(school is not None and roles_at(user, school) & wanted_set)

    predicate.name = "has_role_" + "_or_".join(sorted(wanted_set))
    return predicate


is_school_admin = _has_any(Role.SCHOOL_ADMIN)
is_secretary = _has_any(Role.SECRETARY)
is_department_head = _has_any(Role.DEPARTMENT_HEAD)
is_teacher = _has_any(Role.TEACHER)
is_counselor = _has_any(Role.COUNSELOR)
is_student = _has_any(Role.STUDENT)
is_authority_viewer = _has_any(Role.AUTHORITY_VIEWER)
is_staff_member = _has_any(*STAFF_ROLES)
is_school_member = _has_any(*Role.values)

# Reading the organisation (structure and rolls): staff of the school and its authority.
rules.add_perm("organization.view", is_staff_member | is_authority_viewer)
# Changing the organisation, importing rosters, managing logins.
rules.add_perm("organization.manage", is_school_admin)
# Full resident ID numbers; everyone else who reads the rolls sees them masked.
rules.add_perm("organization.view_personal", is_school_admin | is_authority_viewer)
rules.add_perm("accounts.view_audit", is_school_admin)
rules.add_perm("accounts.manage_users", is_school_admin)
rules.add_perm("core.view_dashboard", is_school_member)
rules.add_perm("core.view_figures", is_school_admin | is_secretary | is_authority_viewer)
