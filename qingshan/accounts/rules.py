"""Who may do what. Every permission is checked against a school (the object of the check).

``user.has_perm("organization.manage", request.school)``
"""

from __future__ import annotations

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_school_admin,
    is_school_member,
    is_secretary,
    is_staff_member,
)

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
