"""Writes of the honours records. Keyword-only, one transaction, nothing changed on bad input.

Invariants: an honour written through the school's pages is the school's, one written through
the branch's pages is the branch's (the recipient is set here, never taken from the input); a
story linked to a commendation of a member is linked to that member too.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.models import School
from qingshan.honours.enums import Recipient
from qingshan.honours.models import Commendation, Honour, Story


def _check_story(story: Story) -> None:
    commended = story.commendation.member if story.commendation else None
    if commended is not None and story.member is None:
        story.member = commended
    if commended is not None and story.member != commended:
        raise ValidationError(
            {"member": _("The commendation linked is of %(member)s.") % {"member": commended}},
            code="other_member",
        )


def create_honour_of(recipient: str) -> Any:
    @transaction.atomic
    def create(*, school: School, model: Any = Honour, values: dict[str, Any]) -> Honour:
        return core_services.create_record(
            school=school,
            model=Honour,
            values={**values, "recipient": recipient},
        )

    return create


def update_honour_of(recipient: str) -> Any:
    @transaction.atomic
    def update(*, record: Honour, values: dict[str, Any]) -> Honour:
        return core_services.update_record(record=record, values={**values, "recipient": recipient})

    return update


create_school_honour = create_honour_of(Recipient.SCHOOL)
update_school_honour = update_honour_of(Recipient.SCHOOL)
create_branch_honour = create_honour_of(Recipient.BRANCH)
update_branch_honour = update_honour_of(Recipient.BRANCH)


@transaction.atomic
def commend(*, school: School, model: Any = Commendation, values: dict[str, Any]) -> Commendation:
    return core_services.create_record(school=school, model=Commendation, values=values)


@transaction.atomic
def update_commendation(*, record: Commendation, values: dict[str, Any]) -> Commendation:
    return core_services.update_record(record=record, values=values)


@transaction.atomic
def tell_story(*, school: School, model: Any = Story, values: dict[str, Any]) -> Story:
    return core_services.create_record(
        school=school, model=Story, values=values, checks=(_check_story,)
    )


@transaction.atomic
def update_story(*, record: Story, values: dict[str, Any]) -> Story:
    return core_services.update_record(record=record, values=values, checks=(_check_story,))
