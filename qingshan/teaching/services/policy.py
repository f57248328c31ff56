"""The school's teacher-development policy: one row per school, made on its first save."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from qingshan.core.models import School
from qingshan.teaching.models import TeachingPolicy

POLICY_FIELDS = (
    "new_teacher_years",
    "practice_months",
    "window_years",
    "first_window_year",
    "hours_target",
)


@transaction.atomic
def update_policy(*, school: School, values: dict[str, Any]) -> TeachingPolicy:
    """Save the school's policy, creating its row (from the defaults) if it has none; only the
    policy's own fields are taken from ``values``. Raises ValidationError, saving nothing, on a
    value out of range."""
    policy = TeachingPolicy.objects.select_for_update().filter(
        school=school
    ).first() or TeachingPolicy.defaults_for(school)
    for name in POLICY_FIELDS:
        if name in values:
            setattr(policy, name, values[name])
    policy.full_clean()
    policy.save()
    return policy
