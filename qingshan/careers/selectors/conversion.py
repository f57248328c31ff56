"""Conversion per company: students its order classes trained → on a post internship with it
(recorded by the internships app) → hired by it → still with it a year on."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from qingshan.careers.models import Destination, Enterprise, FollowUp
from qingshan.core.models import School
from qingshan.internships.selectors.placements import interned_at_companies

YEAR_MONTHS = 12


@dataclass(frozen=True)
class Conversion:
    enterprise: Enterprise
    trained: int
    interned: int  # of those trained, on a post internship at the company
    hired: int
    stayed: int  # still with the company at the follow-up a year or more on

    @property
    def hire_rate(self) -> float | None:
        return self.hired / self.trained if self.trained else None

    @property
    def stay_rate(self) -> float | None:
        return self.stayed / self.hired if self.hired else None


def conversion(school: School) -> list[Conversion]:
    """Each company with an order class, in five queries whatever their number."""
    trained: dict[int, set[int]] = {}
    pairs = (
        Enterprise.objects.for_school(school)
        # isnull=False: the join's empty row of a company without order classes is not one.
        .filter(order_classes__isnull=False, order_classes__archived_at__isnull=True)
        .values_list("pk", "order_classes__students")
    )
    for enterprise_id, student_id in pairs:
        students = trained.setdefault(enterprise_id, set())
        if student_id is not None:
            students.add(student_id)
    hired: set[tuple[int, int]] = set()
    for placed_by, employer, student_id in (
        Destination.objects.for_school(school)
        .active()
        .filter(Q(order_class__enterprise__in=list(trained)) | Q(enterprise__in=list(trained)))
        .values_list("order_class__enterprise", "enterprise", "student")
    ):
        for enterprise_id in {placed_by, employer} - {None}:
            if student_id in trained.get(enterprise_id, ()):
                hired.add((enterprise_id, student_id))
    interned = {
        pair for pair in interned_at_companies(school) if pair[1] in trained.get(pair[0], ())
    }
    still = FollowUp.objects.for_school(school).filter(
        months__gte=YEAR_MONTHS, still_with_employer=True
    )
    stayed_students = set(still.values_list("destination__student", flat=True))
    stayed = {pair for pair in hired if pair[1] in stayed_students}
    enterprises = (
        Enterprise.objects.for_school(school).filter(pk__in=list(trained)).order_by("name")
    )
    return [
        Conversion(
            enterprise=enterprise,
            trained=len(trained[enterprise.pk]),
            interned=sum(1 for pair in interned if pair[0] == enterprise.pk),
            hired=sum(1 for pair in hired if pair[0] == enterprise.pk),
            stayed=sum(1 for pair in stayed if pair[0] == enterprise.pk),
        )
        for enterprise in enterprises
    ]
