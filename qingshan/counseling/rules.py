"""Who may do what in counseling; checked against the request's school.

Counselors run the screening (scales, campaigns, the "one without leaking" board with names) and
keep the case file; within it a case is read only by the counselors the case names
(``selectors.cases.cases_of``), never by the administrator, the secretary or another counselor.
Staff see whether a student of a class they head needs attention, and whom to contact; never a
grade or an answer. Students answer screenings. The branch secretary, who leads the school, may
break the glass of one case in a crisis: the read is logged as such and the case's counselors
are told. The administrator and counselors keep the yearly pack on minors' data and the incident
register, which hold no case's content.
"""

import rules

from qingshan.accounts.selectors import (
    is_counselor,
    is_school_admin,
    is_secretary,
    is_staff_member,
    is_student,
)

rules.add_perm("counseling.screen", is_counselor)
rules.add_perm("counseling.cases", is_counselor)
rules.add_perm("counseling.attention", is_staff_member)
rules.add_perm("counseling.answer", is_student)
rules.add_perm("counseling.break_glass", is_secretary)
rules.add_perm("counseling.compliance", is_school_admin | is_counselor)
