"""Who may read, edit and issue the annual summary; always checked against the request's school."""

import rules

from qingshan.accounts.selectors import is_authority_viewer, is_school_admin, is_secretary

rules.add_perm("reports.view", is_school_admin | is_secretary | is_authority_viewer)
rules.add_perm("reports.edit", is_school_admin | is_secretary)
rules.add_perm("reports.county", is_authority_viewer)
