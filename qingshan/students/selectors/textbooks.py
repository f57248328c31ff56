"""Reads of the school-compiled textbooks (校本教材) and their uses, scoped by school."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.students.enums import TextbookState
from qingshan.students.models import Textbook, TextbookUse


def textbooks(school: School) -> QuerySet[Textbook]:
    """The school's textbooks with what their list shows (major, editors) loaded."""
    return Textbook.objects.for_school(school).select_related("major").prefetch_related("editors")


def textbook_uses(school: School) -> QuerySet[TextbookUse]:
    return TextbookUse.objects.for_school(school).select_related("textbook", "school_class", "term")


def textbooks_in_use(schools: list[int], start: dt.date, end: dt.date) -> QuerySet[Textbook]:
    """The distinct textbooks of the schools in use between ``start`` and ``end``.

    A textbook counts once, however many classes or terms use it, when it was approved for use
    (approved now, or retired since: a later retirement does not change a past year) and has a
    use in a term whose ``start_date`` falls within the dates; archived textbooks and archived
    uses do not count.
    """
    return (
        Textbook.objects.for_schools(schools)
        .active()
        .filter(state__in=(TextbookState.APPROVED, TextbookState.RETIRED))
        # One filter() call: the dates and the archive state are of the same use.
        .filter(
            uses__term__start_date__gte=start,
            uses__term__start_date__lte=end,
            uses__archived_at__isnull=True,
        )
        .distinct()
    )
