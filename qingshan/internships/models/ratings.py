"""The ratings a unit supervisor gives each week and a school supervisor on a visit: 1 to 5 on
each criterion, or none."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from qingshan.internships.enums import Criterion

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


def _rating(criterion: Criterion) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        criterion.label, null=True, blank=True, validators=SCALE
    )


class Ratings(models.Model):
    attendance = _rating(Criterion.ATTENDANCE)
    attitude = _rating(Criterion.ATTITUDE)
    skill = _rating(Criterion.SKILL)
    safety = _rating(Criterion.SAFETY)
    teamwork = _rating(Criterion.TEAMWORK)

    class Meta:
        abstract = True

    @property
    def ratings(self) -> dict[str, int | None]:
        return {criterion: getattr(self, criterion) for criterion in Criterion.values}

    @property
    def rated(self) -> list[tuple[str, int]]:
        """The criteria rated, with their labels, in order."""
        return [
            (str(criterion.label), getattr(self, criterion.value))
            for criterion in Criterion
            if getattr(self, criterion.value) is not None
        ]
