"""Who may do what in careers; checked against the request's school.

Staff and the county bureau read the enterprise register, agreements, order classes, the
destinations and the figures. The administrator and department heads keep them: they register
enterprises and agreements, record destinations and follow-ups, send follow-up links and keep the
alumni list and the League branches. Graduates have no account: they answer through a one-time
link. A graduate's phone and salary are read in full by the keepers only; others see them masked.
"""

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_department_head,
    is_school_admin,
    is_staff_member,
)

is_careers_keeper = is_school_admin | is_department_head

rules.add_perm("careers.view", is_staff_member | is_authority_viewer)
rules.add_perm("careers.manage", is_careers_keeper)
rules.add_perm("careers.view_personal", is_careers_keeper)
