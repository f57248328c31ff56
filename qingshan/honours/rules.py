"""Who may do what with the honours; checked against the request's school.

The school's administrator keeps the school's honours; the branch secretary keeps the branch's
honours, the commendations and the stories (the administrator may too); staff and the county
bureau read them all.
"""

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_school_admin,
    is_secretary,
    is_staff_member,
)

rules.add_perm("honours.view", is_staff_member | is_authority_viewer)
rules.add_perm("honours.manage", is_school_admin)
rules.add_perm("honours.manage_branch", is_school_admin | is_secretary)
