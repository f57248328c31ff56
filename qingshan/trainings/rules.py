"""Who may do what with the trainings; checked against the request's school.

The school's administrator keeps the records; staff read them, and so does the county bureau.
Trainees' resident ID numbers and contacts are shown whole only to those with personal-data
rights (as for the school's rolls).
"""

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_school_admin,
    is_staff_member,
)

rules.add_perm("trainings.view", is_staff_member | is_authority_viewer)
rules.add_perm("trainings.manage", is_school_admin)
rules.add_perm("trainings.view_personal", is_school_admin | is_authority_viewer)
