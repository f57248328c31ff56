"""What the annual summary names from the careers records: the partner companies that took the
most of the year's graduates (DESIGN §5)."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext_lazy, ngettext

from qingshan.careers.enums import WORKING_KINDS
from qingshan.careers.models import Enterprise
from qingshan.careers.selectors.rates import graduates_destinations
from qingshan.core.figures import Period, Scope
from qingshan.core.record_lists import ListItem, ListResult, record_list


@record_list(
    "careers.top_partners",
    label=gettext_lazy("partner companies that hired most graduates"),
    definition=gettext_lazy(
        "Enterprises of the school's register where graduates of the period went to work, the "
        "most hires first (then by name), each with the number of graduates it hired."
    ),
)
def top_partners(scope: Scope, period: Period) -> ListResult:
    hires = graduates_destinations(scope.school_ids, period.start, period.end).filter(
        kind__in=WORKING_KINDS, enterprise__isnull=False
    )
    counts = dict(
        hires.values("enterprise").annotate(hired=Count("pk")).values_list("enterprise", "hired")
    )
    enterprises = Enterprise.objects.for_schools(scope.school_ids).filter(pk__in=counts)
    ranked = sorted(enterprises, key=lambda item: (-counts[item.pk], item.name, item.pk))
    items = [
        ListItem(
            text=enterprise.name,
            record=enterprise,
            detail=ngettext(
                " (%(count)d graduate)", " (%(count)d graduates)", counts[enterprise.pk]
            )
            % {"count": counts[enterprise.pk]},
        )
        for enterprise in ranked
    ]
    return ListResult(items=items, records=hires)
