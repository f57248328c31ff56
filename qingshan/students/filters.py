"""List filters of the textbook register and the choice windows."""

from __future__ import annotations

from qingshan.core.filters import SchoolFilterSet
from qingshan.students.models import ChangeRule, ChoiceOffer, ChoiceWindow, Textbook, TextbookUse


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


class ChoiceWindowFilter(SchoolFilterSet):
    search_fields = ("title",)

    class Meta:
        model = ChoiceWindow
        fields: list[str] = []


class ChoiceOfferFilter(SchoolFilterSet):
    search_fields = ("school_class__name", "major__name")

    class Meta:
        model = ChoiceOffer
        fields = ["window", "track"]


class ChangeRuleFilter(SchoolFilterSet):
    search_fields = ()

    class Meta:
        model = ChangeRule
        fields = ["kind", "approver"]
