"""Writes of scales: installed from a shipped structure, entered by hand, versioned.

Invariants:
- a scale version used by a campaign is not changed (its items, factors and thresholds neither):
  ``new_version`` copies it to the next version, which is free to change;
- an installed structure brings its factors, items (the texts where the structure has them) and
  thresholds in one transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.counseling.instruments import SHAPES, ScaleShape
from qingshan.counseling.models import Factor, Item, Scale, Threshold
from qingshan.counseling.selectors.scales import is_used


def refuse_if_used(scale: Scale) -> None:
    if is_used(scale):
        raise DomainError(
            _("This version is used by a campaign and is not changed; make a new version."),
            code="scale_used",
        )


def _next_version(school: School, code: str) -> int:
    latest = Scale.objects.for_school(school).filter(code=code).aggregate(v=Max("version"))["v"]
    return (latest or 0) + 1


@transaction.atomic
def install_scale(*, school: School, code: str) -> Scale:
    """The shipped structure ``code`` as the school's next version of that scale."""
    shape: ScaleShape | None = SHAPES.get(code)
    if shape is None:
        raise DomainError(_("No such scale structure is shipped."), code="no_shape")
    return create_scale(school=school, shape=shape)


def _check_shape(shape: ScaleShape) -> None:
    codes = [code for code, _name in shape.factors]
    if len(set(codes)) != len(codes):
        raise DomainError(_("Two factors have the same code."), code="factor_twice")
    numbers = [item.number for item in shape.items]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        raise DomainError(
            _("Items are numbered 1, 2, 3 … without gaps or repeats."), code="item_numbers"
        )
    answers = range(shape.option_min, shape.option_max + 1)
    for item in shape.items:
        if item.factor and item.factor not in codes:
            raise DomainError(
                _("Item %(number)s names the factor %(factor)s, which the scale has not.")
                % {"number": item.number, "factor": item.factor},
                code="unknown_factor",
            )
        if not item.factor and not item.valid_answers:
            raise DomainError(
                _("Item %(number)s is in no factor and is no validity item.")
                % {"number": item.number},
                code="no_factor",
            )
        if any(answer not in answers for answer in item.valid_answers):
            raise DomainError(
                _("The valid answers of item %(number)s are outside the answers.")
                % {"number": item.number},
                code="valid_outside",
            )


@transaction.atomic
def create_scale(*, school: School, shape: ScaleShape) -> Scale:
    """A scale entered by the school (or shipped), as the next version of its code: its factors,
    items and thresholds in one transaction; a structure that does not hold together is refused
    and nothing is written."""
    _check_shape(shape)
    scale = core_services.create_record(
        model=Scale,
        school=school,
        values={
            "code": shape.code,
            "version": _next_version(school, shape.code),
            "name": shape.name,
            "description": shape.description,
            "option_min": shape.option_min,
            "option_max": shape.option_max,
            "option_labels": "\n".join(shape.options),
            "scoring": shape.scoring,
            "age_min": shape.age_min,
            "age_max": shape.age_max,
        },
    )
    factors = {
        code: Factor.objects.create(
            school=school, scale=scale, code=code, name=name, position=position
        )
        for position, (code, name) in enumerate(shape.factors)
    }
    Item.objects.bulk_create(
        Item(
            school=school,
            scale=scale,
            number=item.number,
            text=item.text,
            factor=factors.get(item.factor),
            reverse=item.reverse,
            valid_answers=",".join(map(str, item.valid_answers)),
        )
        for item in shape.items
    )
    Threshold.objects.bulk_create(
        Threshold(
            school=school,
            scale=scale,
            factor=factors.get(threshold.factor),
            grade=threshold.grade,
            at_least=threshold.at_least,
        )
        for threshold in shape.thresholds
    )
    return scale


@transaction.atomic
def update_scale(*, scale: Scale, values: dict[str, Any]) -> Scale:
    refuse_if_used(scale)
    return core_services.update_record(record=scale, values=values)


@transaction.atomic
def set_item_texts(*, scale: Scale, texts: dict[int, str]) -> int:
    """Type the items' texts in (a shipped structure comes without them); returns how many
    changed."""
    refuse_if_used(scale)
    changed = 0
    for item in scale.items.select_for_update().order_by("number"):
        text = texts.get(item.number, item.text).strip()
        if text != item.text:
            item.text = text[:200]
            item.save(update_fields=["text", "updated_at"])
            changed += 1
    return changed


@transaction.atomic
def set_threshold(*, scale: Scale, factor: Factor | None, grade: int, at_least: Any) -> Threshold:
    """The threshold of one grade for one factor (or the total), replacing the one it had."""
    refuse_if_used(scale)
    if factor is not None and factor.scale_id != scale.pk:
        raise DomainError(_("This factor belongs to another scale."), code="other_scale")
    Threshold.objects.filter(scale=scale, factor=factor, grade=grade).delete()
    return core_services.create_record(
        model=Threshold,
        school=scale.school,
        values={"scale": scale, "factor": factor, "grade": grade, "at_least": at_least},
    )


@transaction.atomic
def remove_threshold(*, threshold: Threshold) -> None:
    refuse_if_used(threshold.scale)
    threshold.delete()


@transaction.atomic
def new_version(*, scale: Scale) -> Scale:
    """A copy of ``scale`` as the next version, with its factors, items and thresholds."""
    school = scale.school
    copy = core_services.create_record(
        model=Scale,
        school=school,
        values={
            "code": scale.code,
            "version": _next_version(school, scale.code),
            "name": scale.name,
            "description": scale.description,
            "option_min": scale.option_min,
            "option_max": scale.option_max,
            "option_labels": scale.option_labels,
            "scoring": scale.scoring,
            "age_min": scale.age_min,
            "age_max": scale.age_max,
        },
    )
    factors = {
        factor.pk: Factor.objects.create(
            school=school, scale=copy, code=factor.code, name=factor.name, position=factor.position
        )
        for factor in scale.factors.all()
    }
    Item.objects.bulk_create(
        Item(
            school=school,
            scale=copy,
            number=item.number,
            text=item.text,
            factor=factors.get(item.factor_id) if item.factor_id else None,
            reverse=item.reverse,
            valid_answers=item.valid_answers,
        )
        for item in scale.items.all()
    )
    Threshold.objects.bulk_create(
        Threshold(
            school=school,
            scale=copy,
            factor=factors.get(threshold.factor_id) if threshold.factor_id else None,
            grade=threshold.grade,
            at_least=threshold.at_least,
        )
        for threshold in scale.thresholds.all()
    )
    return copy
