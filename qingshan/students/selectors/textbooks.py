"""Reads of the school-compiled textbooks (校本教材) and their uses, scoped by school."""

from __future__ import annotations

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.students.enums import TextbookState
from qingshan.students.models import Textbook, TextbookUse


def textbooks(school: School) -> QuerySet[Textbook]:
    """The school's textbooks with what their list shows (major, editors) loaded."""
    return Textbook.objects.for_school(school).select_related("major").prefetch_related("editors")


def textbook_uses(school: School) -> QuerySet[TextbookUse]:
    return TextbookUse.objects.for_school(school).select_related("textbook", "school_class", "term")


def textbooks_in_use(school: School, year: int) -> int:
    """How many distinct textbooks of the school are in use in calendar year ``year``.

    A textbook counts once, however many classes or terms use it, when it is approved now and
    has a use in a term whose ``start_date`` falls in ``year``; archived textbooks and archived
    uses do not count.
    """
    return (
        Textbook.objects.for_school(school)
        .active()
        .filter(state=TextbookState.APPROVED)
        # One filter() call: the year and the archive state are of the same use.
        .filter(uses__term__start_date__year=year, uses__archived_at__isnull=True)
        .values("pk")
        .distinct()
        .count()
    )
