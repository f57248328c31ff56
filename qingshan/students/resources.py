"""The textbook register (校本教材) and the choice windows on the shared record pages
(``core.records``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.exports import cell_value, model_sheet
from qingshan.core.records import Related, Resource
from qingshan.core.tabular.spec import SheetSpec
from qingshan.students import filters
from qingshan.students.forms import choices as choice_forms
from qingshan.students.forms import textbooks as forms
from qingshan.students.forms.changes import ChangeRuleForm
from qingshan.students.models import Textbook
from qingshan.students.selectors import choices as choice_selectors
from qingshan.students.selectors import textbooks as selectors
from qingshan.students.selectors.policy import change_rules
from qingshan.students.services import choices as choice_services
from qingshan.students.services import textbooks as services

TEXTBOOK_FIELDS = (
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
)


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="students",
        view_permission="students.view",
        manage_permission="students.manage",
        exportable=True,
        **options,
    )


def _textbook_rows(records: QuerySet[Any]) -> Iterator[dict[str, Any]]:
    for record in records.iterator(chunk_size=2000):
        row = {name: cell_value(record, name) for name in TEXTBOOK_FIELDS if name != "editors"}
        row["editors"] = ", ".join(str(editor) for editor in record.editors.all())
        yield row


def _textbook_export(records: QuerySet[Any]) -> tuple[SheetSpec, Iterator[dict[str, Any]]]:
    """The list as a sheet; the editors (a many-to-many field) by name in one cell."""
    sheet = model_sheet(
        Textbook,
        key="textbook",
        title=Textbook._meta.verbose_name_plural or "",
        names=TEXTBOOK_FIELDS,
    )
    return sheet, _textbook_rows(records)


TEXTBOOK_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="textbook",
        selector=selectors.textbooks,
        form_class=forms.TextbookForm,
        filterset_class=filters.TextbookFilter,
        columns=("title", "edition", "course", "major", "editors", "state", "approved_on"),
        detail_fields=TEXTBOOK_FIELDS,
        create=services.create_textbook,
        update=services.update_textbook,
        export=_textbook_export,
        detail_template="students/textbook_detail.html",
        related=(
            Related(
                _("Uses in classes"),
                lambda record: record.uses.select_related("school_class", "term"),
                ("term", "school_class", "periods"),
            ),
        ),
    ),
    _resource(
        key="textbookuse",
        selector=selectors.textbook_uses,
        form_class=forms.TextbookUseForm,
        filterset_class=filters.TextbookUseFilter,
        columns=("textbook", "school_class", "term", "periods"),
        create=services.record_use,
        update=services.update_use,
    ),
)

CHOICE_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="choicewindow",
        selector=choice_selectors.windows,
        form_class=choice_forms.ChoiceWindowForm,
        filterset_class=filters.ChoiceWindowFilter,
        columns=("title", "opens_on", "closes_on", "effective_on"),
        create=choice_services.create_window,
        update=choice_services.update_window,
        detail_template="students/choicewindow_detail.html",
        related=(
            Related(
                _("Offers of places"),
                lambda record: record.offers.select_related("major", "school_class"),
                ("school_class", "track", "major", "programme", "places"),
            ),
        ),
    ),
    _resource(
        key="choiceoffer",
        selector=choice_selectors.offers,
        form_class=choice_forms.ChoiceOfferForm,
        filterset_class=filters.ChoiceOfferFilter,
        columns=("window", "school_class", "track", "major", "programme", "places"),
        detail_fields=("window", "school_class", "track", "major", "programme", "places"),
        create=choice_services.create_offer,
        update=choice_services.update_offer,
    ),
)

RULE_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="changerule",
        selector=change_rules,
        form_class=ChangeRuleForm,
        filterset_class=filters.ChangeRuleFilter,
        columns=("kind", "window_days", "approver"),
    ),
)
