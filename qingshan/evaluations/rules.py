"""Who may run rating campaigns and read their results; checked against the request's school."""

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_school_admin,
    is_secretary,
    is_staff_member,
)

rules.add_perm("evaluations.manage", is_secretary | is_school_admin)
rules.add_perm("evaluations.view", is_secretary | is_school_admin | is_authority_viewer)
# A staff member reads their own published results (and school-wide questions).
rules.add_perm("evaluations.view_own", is_staff_member)
