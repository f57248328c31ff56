"""Writes of the school-compiled textbooks (校本教材) and their uses. Keyword-only, one
transaction, nothing changed on bad input.

Invariants, for pages, API and imports alike:
- a textbook's editors, and a use's textbook, class and term, are the textbook's or use's school's;
- an approved textbook has the date of its approval;
- a use names an approved textbook (read under a row lock, so that a textbook withdrawn at the
  same moment is not used); correcting only the periods of a use keeps it whatever the
  textbook's state has become since.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import field_error
from qingshan.core.models import School, SchoolOwned
from qingshan.organization.models import Staff
from qingshan.students.enums import TextbookState
from qingshan.students.models import Textbook, TextbookUse

USE_REFERENCES = ("textbook", "school_class", "term")


def _check_approval_date(textbook: Textbook) -> None:
    if textbook.state == TextbookState.APPROVED and textbook.approved_on is None:
        raise field_error(
            "approved_on",
            _("Give the date the textbook was approved."),
            code="approval_date_missing",
        )


def _check_same_school(school: School, named: dict[str, Any]) -> None:
    for name, value in named.items():
        if isinstance(value, SchoolOwned) and value.school_id != school.pk:
            raise field_error(
                name,
                _("%(value)s belongs to another school.") % {"value": value},
                code="other_school",
                domain=True,
            )


def _check_editors(school: School, editors: Iterable[Staff]) -> list[Staff]:
    editors = list(editors)
    for editor in editors:
        _check_same_school(school, {"editors": editor})
    return editors


@transaction.atomic
def create_textbook(*, school: School, model: Any = Textbook, values: dict[str, Any]) -> Textbook:
    """Register a textbook; ``values`` may name its ``editors``."""
    values = dict(values)
    editors = _check_editors(school, values.pop("editors", ()))
    textbook = core_services.create_record(
        school=school, model=Textbook, values=values, checks=[_check_approval_date]
    )
    textbook.editors.set(editors)
    return textbook


@transaction.atomic
def update_textbook(*, record: Textbook, values: dict[str, Any]) -> Textbook:
    """Change a textbook; its editors change only when ``values`` names them."""
    values = dict(values)
    editors = values.pop("editors", None)
    checked = _check_editors(record.school, editors) if editors is not None else None
    textbook = core_services.update_record(
        record=record, values=values, checks=[_check_approval_date]
    )
    if checked is not None:
        textbook.editors.set(checked)
    return textbook


def _check_use(*, school: School, named: dict[str, Any]) -> None:
    """Refuse a use of another school's textbook, class or term, or of an unapproved textbook."""
    _check_same_school(school, named)
    textbook = named.get("textbook")
    if textbook is None:
        return  # the model's own validation reports the missing textbook
    state = Textbook.objects.select_for_update().values_list("state", flat=True).get(pk=textbook.pk)
    if state != TextbookState.APPROVED:
        raise field_error(
            "textbook",
            _("%(textbook)s is not approved for use; only an approved textbook is used.")
            % {"textbook": textbook},
            code="not_approved",
            domain=True,
        )


@transaction.atomic
def record_use(*, school: School, model: Any = TextbookUse, values: dict[str, Any]) -> TextbookUse:
    """Record that a class uses an approved textbook of the school in a term of the school."""
    _check_use(school=school, named={name: values.get(name) for name in USE_REFERENCES})
    return core_services.create_record(school=school, model=TextbookUse, values=values)


@transaction.atomic
def update_use(*, record: TextbookUse, values: dict[str, Any]) -> TextbookUse:
    """Change a use; a change of its textbook, class or term is checked as a new use."""
    named = {name: values.get(name, getattr(record, name)) for name in USE_REFERENCES}
    if any(
        getattr(value, "pk", None) != getattr(record, f"{name}_id") for name, value in named.items()
    ):
        _check_use(school=record.school, named=named)
    return core_services.update_record(record=record, values=values)
