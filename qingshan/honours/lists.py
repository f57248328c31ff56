"""What the annual summary names from the honours records: the honours of the year, their levels,
the people commended and the stories of exemplary deeds (DESIGN §5)."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from qingshan.core.figures import Period, Scope
from qingshan.core.record_lists import ListItem, ListResult, Style, excerpt, record_list
from qingshan.honours.enums import Level
from qingshan.honours.models import Story
from qingshan.honours.selectors import counted_commendations, counted_honours

HIGHEST_FIRST = (Level.NATION, Level.PROVINCE, Level.CITY, Level.COUNTY)
# A level as it stands before "级荣誉" in Chinese (省、市级荣誉) or before "honours" in English.
LEVEL_WORDS = {
    Level.NATION: pgettext_lazy("honour level", "national"),
    Level.PROVINCE: pgettext_lazy("honour level", "provincial"),
    Level.CITY: pgettext_lazy("honour level", "city"),
    Level.COUNTY: pgettext_lazy("honour level", "county"),
}
_RANK = Case(
    *(When(level=level, then=Value(rank)) for rank, level in enumerate(HIGHEST_FIRST)),
    output_field=IntegerField(),
)


@record_list(
    "honours.titles",
    label=gettext_lazy("honours of the year"),
    definition=gettext_lazy(
        "Honours awarded to the school or its branch within the period, the highest level first, "
        "then the latest."
    ),
)
def titles(scope: Scope, period: Period) -> ListResult:
    found = counted_honours(scope.school_ids, period.start, period.end)
    ordered = found.annotate(rank=_RANK).order_by("rank", "-awarded_on", "title", "pk")
    return ListResult(
        items=[ListItem(text=honour.title, record=honour) for honour in ordered],
        records=found,
    )


@record_list(
    "honours.levels",
    label=gettext_lazy("levels of the year's honours"),
    definition=gettext_lazy(
        "The levels at which the school or its branch was honoured within the period, the "
        "highest first: 国家、省、市、县 before 级荣誉 in Chinese."
    ),
)
def levels(scope: Scope, period: Period) -> ListResult:
    found = counted_honours(scope.school_ids, period.start, period.end)
    present = set(found.values_list("level", flat=True))
    return ListResult(
        items=[
            ListItem(text=str(LEVEL_WORDS[level])) for level in HIGHEST_FIRST if level in present
        ],
        records=found,
    )


@record_list(
    "honours.commended",
    label=gettext_lazy("people commended in the year"),
    definition=gettext_lazy(
        "People commended within the period, each with what they were commended as, the "
        "earliest commendation first."
    ),
)
def commended(scope: Scope, period: Period) -> ListResult:
    found = counted_commendations(scope.school_ids, period.start, period.end)
    ordered = found.select_related("member", "staff").order_by("awarded_on", "title", "pk")
    items = []
    for commendation in ordered:
        person = commendation.member or commendation.staff
        items.append(
            ListItem(
                text=commendation.person,
                record=person or commendation,
                detail=_(" (%(title)s)") % {"title": commendation.title},
            )
        )
    return ListResult(items=items, records=found)


@record_list(
    "honours.deeds",
    label=gettext_lazy("exemplary deeds of the year"),
    definition=gettext_lazy(
        "Stories of exemplary deeds written within the period, one paragraph each: the person's "
        "name (linked to their record), the story's title and its opening sentences."
    ),
    style=Style.PARAGRAPHS,
)
def deeds(scope: Scope, period: Period) -> ListResult:
    found = (
        Story.objects.for_schools(scope.school_ids)
        .active()
        .filter(told_on__gte=period.start, told_on__lte=period.end)
    )
    ordered = found.select_related("member", "alumnus").order_by("told_on", "title", "pk")
    items = [
        ListItem(
            text=story.person_name,
            record=story.member or story.alumnus or story,
            detail=_(": %(title)s. %(opening)s")
            % {"title": story.title, "opening": excerpt(story.body)},
        )
        for story in ordered
    ]
    return ListResult(items=items, records=found)
