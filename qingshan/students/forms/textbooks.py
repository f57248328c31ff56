"""Forms of the textbook register; every choice of a record is the school's
(``SchoolModelForm``), and a use offers only approved textbooks."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from qingshan.core.forms import SchoolModelForm, choice_field, choices_of
from qingshan.core.uploads import check_upload
from qingshan.organization.models import Staff
from qingshan.students.enums import TextbookState
from qingshan.students.models import Textbook, TextbookUse


class TextbookForm(SchoolModelForm):
    class Meta:
        model = Textbook
        fields = [
            "title",
            "edition",
            "editors",
            "major",
            "course",
            "printed_on",
            "pages",
            "state",
            "approved_on",
            "file",
            "note",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # An editor who has left stays on the textbook they wrote (and on its form).
            offered = choices_of(self, "editors").values("pk")
            current = self.instance.editors.values("pk")
            choice_field(self, "editors").queryset = Staff.objects.filter(
                Q(pk__in=offered) | Q(pk__in=current)
            )

    def clean_file(self) -> Any:
        upload = check_upload(self.cleaned_data.get("file"))
        # The "clear" box gives False, which the service would store as the name "False".
        return "" if upload is False else upload


class TextbookUseForm(SchoolModelForm):
    class Meta:
        model = TextbookUse
        fields = ["textbook", "school_class", "term", "periods"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        approved = Q(state=TextbookState.APPROVED)
        if self.instance.textbook_id is not None:
            approved |= Q(pk=self.instance.textbook_id)
        choice_field(self, "textbook").queryset = choices_of(self, "textbook").filter(approved)
