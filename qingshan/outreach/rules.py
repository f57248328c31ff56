"""Who may do what with the technology outreach; checked against the request's school."""

import rules

from qingshan.accounts.selectors import is_authority_viewer, is_school_admin, is_staff_member

rules.add_perm("outreach.view", is_staff_member | is_authority_viewer)
rules.add_perm("outreach.manage", is_school_admin)
