"""Who may do what in teacher development; checked against the request's school.

Staff read the team's records (lessons given, trainings, mentoring) and the county bureau reads
them too; every member of staff observes lessons and asks for trainings of their own. School
leaders (the administrator, the branch secretary, department heads) read every observation and
mark them read; the administrator and department heads keep the rubric, the quotas, the policy
and the team's records. Which observations a person may read is decided row by row in
``selectors.observations`` (docs/teaching.md), not here.
"""

from typing import Any

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_department_head,
    is_school_admin,
    is_secretary,
    is_staff_member,
)
from qingshan.organization.models import Staff

is_school_leader = is_school_admin | is_secretary | is_department_head


@rules.predicate
def has_staff_record(user: Any, school: Any) -> bool:
    """The user's login is linked to a staff record of the school (one who has not left)."""
    return Staff.objects.filter(school=school, user=user, left_on__isnull=True).exists()


rules.add_perm("teaching.view", is_staff_member | is_authority_viewer)
rules.add_perm("teaching.observe", is_staff_member)
rules.add_perm("teaching.lead", is_school_leader)
rules.add_perm("teaching.manage", is_school_admin | is_department_head)
# Whose own pages (a portfolio) the menu offers: staff whose login is linked to their record.
rules.add_perm("teaching.own_portfolio", is_staff_member & has_staff_record)
