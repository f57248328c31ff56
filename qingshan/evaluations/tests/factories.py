"""Ratings for tests, given as a rater's browser gives them: form data bound to the instrument's
rating form, then the cleaned answers handed to the service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

from qingshan.evaluations.forms import rating_form_for
from qingshan.evaluations.models import RatingDue
from qingshan.evaluations.services import ratings


def give_rating(due: RatingDue, data: Mapping[str, Any]) -> None:
    """Rate ``due`` with form ``data`` (``{"q<id>": value}``); raise what the form or the service
    refuses, as a ``ValidationError``."""
    form = rating_form_for(due.target.campaign.instrument)(data)
    if not form.is_valid():
        raise ValidationError(form.problems, code="answers")
    answers = form.answers()
    ratings.submit_rating(
        due=due, scores=answers.scores, choices=answers.choices, texts=answers.texts
    )
