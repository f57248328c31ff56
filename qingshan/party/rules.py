"""Who may do what in the party app; always checked against the request's school."""

import rules

from qingshan.accounts.selectors import is_authority_viewer, is_school_admin, is_secretary

# The branch's records: the secretary (and party group leaders, who hold the secretary role here)
# keep them; the school's administrator and the county bureau read them.
rules.add_perm("party.view", is_secretary | is_school_admin | is_authority_viewer)
rules.add_perm("party.manage", is_secretary)
