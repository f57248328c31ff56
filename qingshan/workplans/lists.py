"""What the annual summary names from the work system: the next year's work, as the decision
committee has decided it (DESIGN §5)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy

from qingshan.core.figures import Period, Scope
from qingshan.core.record_lists import ListItem, ListResult, Style, record_list
from qingshan.workplans.models import Decision


@record_list(
    "workplans.next_year",
    label=gettext_lazy("decisions for the next year"),
    definition=gettext_lazy(
        "Decisions of the decision committee taken by the end of the period whose deadline falls "
        "in the following year, the earliest deadline first: the outlook of the summary."
    ),
    style=Style.CLAUSES,
)
def next_year(scope: Scope, period: Period) -> ListResult:
    following = period.end.year + 1
    found = (
        Decision.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            meeting__held_on__lte=period.end,
            deadline__gte=dt.date(following, 1, 1),
            deadline__lte=dt.date(following, 12, 31),
        )
    )
    ordered = found.order_by("deadline", "title", "pk")
    return ListResult(
        items=[ListItem(text=decision.title, record=decision) for decision in ordered],
        records=found,
    )
