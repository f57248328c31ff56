"""List filters of the textbook register."""

from __future__ import annotations

from qingshan.core.filters import SchoolFilterSet
from qingshan.students.models import Textbook, TextbookUse


class TextbookFilter(SchoolFilterSet):
    search_fields = ("title", "course")

    class Meta:
        model = Textbook
        fields = ["state", "major"]


class TextbookUseFilter(SchoolFilterSet):
    search_fields = ("textbook__title", "school_class__name")

    class Meta:
        model = TextbookUse
        fields = ["term", "textbook"]
