"""Who may do what with documents; always checked against the request's school.

Everyone with a role at the school opens the archive, but sees only the documents addressed to
them (``selectors.readable_documents``); the school administrator, the branch secretary and the
county bureau read all of them. The secretary keeps the branch's documents, the administrator the
school's and its departments'.
"""

from __future__ import annotations

from typing import Any

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_school_admin,
    is_school_member,
    is_secretary,
    is_staff_member,
)
from qingshan.core.models import School
from qingshan.documents.enums import Issuer

rules.add_perm("documents.view", is_school_member)
rules.add_perm("documents.export", is_staff_member | is_authority_viewer)
# Opening the forms at all; which documents a manager may change follows from their issuer.
rules.add_perm("documents.manage", is_school_admin | is_secretary)
rules.add_perm("documents.manage_school", is_school_admin)
rules.add_perm("documents.manage_branch", is_secretary)

ISSUER_PERMISSION: dict[str, str] = {
    Issuer.SCHOOL: "documents.manage_school",
    Issuer.DEPARTMENT: "documents.manage_school",
    Issuer.BRANCH: "documents.manage_branch",
}


def managed_issuers(user: Any, school: School) -> frozenset[str]:
    """The issuers whose documents ``user`` keeps at ``school`` (empty for everyone else)."""
    return frozenset(
        issuer
        for issuer, permission in ISSUER_PERMISSION.items()
        if user.has_perm(permission, school)
    )
