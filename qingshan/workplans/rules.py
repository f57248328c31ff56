"""Who may do what in the work system; always checked against the request's school.

Department heads file their own department's plans and statuses (checked per unit by
``selectors.cycle.may_file``); the secretary files the branch's; the administrator may file any
unit's and keeps decisions, the grid and the settings.
"""

import rules

from qingshan.accounts.selectors import (
    is_authority_viewer,
    is_department_head,
    is_school_admin,
    is_secretary,
    is_staff_member,
)

rules.add_perm("workplans.view", is_staff_member | is_authority_viewer)
rules.add_perm("workplans.file", is_school_admin | is_secretary | is_department_head)
rules.add_perm("workplans.manage", is_school_admin)
# Tasks are updated by those who carry them out; the unit check is in the task service's caller.
rules.add_perm("workplans.report_task", is_school_admin | is_secretary | is_department_head)
