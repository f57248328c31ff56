"""Scales and what scoring needs of them."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.counseling.models import Campaign, Scale
from qingshan.counseling.scoring import TOTAL, ItemKey, Key


def scales(school: School) -> QuerySet[Scale]:
    return Scale.objects.for_school(school)


def is_used(scale: Scale) -> bool:
    return Campaign.objects.filter(scale=scale).exists()


def key_of(scale: Scale) -> Key:
    items = scale.items.select_related("factor").order_by("number")
    thresholds = scale.thresholds.select_related("factor")
    return Key(
        option_min=scale.option_min,
        option_max=scale.option_max,
        scoring=scale.scoring,
        items=tuple(
            ItemKey(
                number=item.number,
                factor=item.factor.code if item.factor else "",
                reverse=item.reverse,
                valid=item.valid_set(),
            )
            for item in items
        ),
        thresholds=tuple(
            (
                threshold.factor.code if threshold.factor else TOTAL,
                threshold.grade,
                Decimal(threshold.at_least),
            )
            for threshold in thresholds
        ),
    )
