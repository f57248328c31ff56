"""The observation quota board: each person's periods observed in a term against the quota
of their group, counted from submitted observations only.

Invariants: a person is in the first group that fits, in the order of ``QuotaGroup``: a school
leader (administrator or branch secretary), a department head (heading a department, or holding
the role), a new teacher (joined less than the policy's years before the term began), a
teacher; the board lists the leaders and heads, and everyone teaching in the term; a person is
behind when a quota is set for their group and their periods are fewer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, Sum

from qingshan.accounts.enums import Role
from qingshan.accounts.models import Membership
from qingshan.core.models import School
from qingshan.organization.models import Department, Staff, TeachingAssignment, Term
from qingshan.teaching.enums import ObservationStatus, QuotaGroup
from qingshan.teaching.models import Observation, ObservationQuota
from qingshan.teaching.selectors.policy import add_years, policy_of


@dataclass(frozen=True)
class BoardRow:
    staff: Staff
    group: QuotaGroup
    quota: int | None
    periods: int

    @property
    def behind(self) -> bool:
        return self.quota is not None and self.periods < self.quota

    @property
    def missing(self) -> int:
        return max((self.quota or 0) - self.periods, 0)


@dataclass(frozen=True)
class Board:
    term: Term
    rows: list[BoardRow]
    quotas: dict[str, int]

    @property
    def behind(self) -> list[BoardRow]:
        return [row for row in self.rows if row.behind]

    @property
    def counted(self) -> list[BoardRow]:
        """The rows whose group has a quota."""
        return [row for row in self.rows if row.quota is not None]

    @property
    def meeting(self) -> int:
        return sum(1 for row in self.counted if not row.behind)


def periods_observed(school: School, term: Term) -> dict[int, int]:
    """Periods observed in ``term`` per observer (staff pk), from submitted observations."""
    rows = (
        Observation.objects.for_school(school)
        .active()
        .filter(term=term, status=ObservationStatus.SUBMITTED)
        .values("observer")
        .annotate(periods=Sum("periods"))
    )
    return {row["observer"]: row["periods"] or 0 for row in rows}


def quota_board(school: School, term: Term) -> Board:
    quotas = dict(
        ObservationQuota.objects.for_school(school)
        .active()
        .filter(term=term)
        .values_list("group", "periods")
    )
    roles: dict[int, set[str]] = {}
    for user_id, role in Membership.objects.filter(school=school).values_list("user", "role"):
        roles.setdefault(user_id, set()).add(role)
    heads = set(
        Department.objects.for_school(school)
        .active()
        .filter(head__isnull=False)
        .values_list("head", flat=True)
    )
    teaching = set(
        TeachingAssignment.objects.for_school(school)
        .filter(term=term)
        .values_list("teacher", flat=True)
    )
    new_since = add_years(term.start_date, -policy_of(school).new_teacher_years)
    observed = periods_observed(school, term)
    people = (
        Staff.objects.for_school(school)
        .filter(hired_on__lte=term.end_date)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=term.start_date))
        .order_by("name", "pk")
    )
    rows = []
    for person in people:
        held = roles.get(person.user_id, set()) if person.user_id else set()
        if held & {Role.SCHOOL_ADMIN, Role.SECRETARY}:
            group = QuotaGroup.LEADER
        elif person.pk in heads or Role.DEPARTMENT_HEAD in held:
            group = QuotaGroup.DEPARTMENT_HEAD
        elif person.pk not in teaching:
            continue
        elif person.hired_on > new_since:
            group = QuotaGroup.NEW_TEACHER
        else:
            group = QuotaGroup.TEACHER
        rows.append(
            BoardRow(
                staff=person,
                group=group,
                quota=quotas.get(group),
                periods=observed.get(person.pk, 0),
            )
        )
    order = list(QuotaGroup)
    rows.sort(key=lambda row: (order.index(row.group), not row.behind, row.staff.name))
    return Board(term=term, rows=rows, quotas=quotas)
