"""Writes of the observation rubric (see ``models.rubrics`` for the invariants).

A new version starts as a copy of the latest one (or empty), is edited while it is a draft, and
is published once; from then on new observations are scored on it.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import check_same_school
from qingshan.teaching.models import Rubric, RubricItem


def _locked_draft(rubric: Rubric) -> Rubric:
    # Locks the version while items change, so that a publish cannot slip in between a check
    # that it is a draft and the write of an item.
    locked = Rubric.objects.select_for_update().get(pk=rubric.pk)
    if locked.is_published:
        raise DomainError(
            _("A published rubric is not changed; start a new version instead."), code="published"
        )
    return locked


@transaction.atomic
def start_version(*, school: School, name: str = "", note: str = "") -> Rubric:
    """A draft version numbered one above the school's latest, holding a copy of the latest
    version's items."""
    latest = Rubric.objects.for_school(school).order_by("-version").first()
    if latest is not None and not latest.is_published:
        raise DomainError(
            _("Version %(version)s is still a draft: finish and publish it first.")
            % {"version": latest.version},
            code="draft_exists",
        )
    number = (Rubric.objects.for_school(school).aggregate(top=Max("version"))["top"] or 0) + 1
    rubric = Rubric.objects.create(
        school=school,
        name=(name or (latest.name if latest else _("Lesson observation rubric"))).strip(),
        version=number,
        note=note.strip(),
    )
    if latest is not None:
        RubricItem.objects.bulk_create(
            RubricItem(
                school=school,
                rubric=rubric,
                group=item.group,
                text=item.text,
                max_points=item.max_points,
                position=item.position,
            )
            for item in latest.items.all()
        )
    return rubric


@transaction.atomic
def add_item(*, rubric: Rubric, group: str, text: str, max_points: int) -> RubricItem:
    locked = _locked_draft(rubric)
    if not 1 <= max_points <= 100:
        raise DomainError({"max_points": _("An item is worth 1 to 100 points.")}, code="points")
    position = (locked.items.aggregate(top=Max("position"))["top"] or 0) + 1
    item = RubricItem(
        school=locked.school,
        rubric=locked,
        group=group.strip(),
        text=text.strip(),
        max_points=max_points,
        position=position,
    )
    check_same_school(item)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def remove_item(*, item: RubricItem) -> None:
    _locked_draft(item.rubric)
    item.delete()


@transaction.atomic
def rename_version(*, rubric: Rubric, name: str, note: str) -> Rubric:
    locked = _locked_draft(rubric)
    if not name.strip():
        raise DomainError({"name": _("Give the rubric a name.")}, code="name")
    locked.name, locked.note = name.strip(), note.strip()
    locked.save(update_fields=["name", "note", "updated_at"])
    return locked


@transaction.atomic
def publish_version(*, rubric: Rubric, on: dt.date) -> Rubric:
    """Publish a draft: from ``on`` new observations are scored on it."""
    locked = _locked_draft(rubric)
    if not locked.items.exists():
        raise DomainError(_("Add at least one item before publishing."), code="empty")
    locked.published_on = on
    locked.save(update_fields=["published_on", "updated_at"])
    return locked
