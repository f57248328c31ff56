"""Who may do what in internships; checked against the request's school.

Staff and the county bureau read the units, placements, the compliance board and the figures. The
administrator and department heads keep them: they register units, record placements, production
and works, and grant the exceptions the rules allow. A placement's school supervisor reviews its
journals, records visits and ends it; students log their own days and journals. Unit
supervisors have no account: they confirm a week through a one-time link.
"""

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_department_head,
    is_school_admin,
    is_staff_member,
    is_student,
)

is_internship_keeper = is_school_admin | is_department_head

rules.add_perm("internships.view", is_staff_member | is_authority_viewer)
rules.add_perm("internships.manage", is_internship_keeper)
rules.add_perm("internships.supervise", is_staff_member)
rules.add_perm("internships.view_personal", is_internship_keeper)
rules.add_perm("internships.log", is_student)
