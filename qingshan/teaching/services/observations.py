"""Writes of lesson observations (see ``models.observations`` for the invariants).

The loop: an observer begins an observation (the lesson's facts, stamped with the published
rubric), scores it, possibly over several saves as a draft, and submits it once every item is
scored; the observed teacher replies; a school leader marks it read with a level.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import archive_record, validate_record
from qingshan.evaluations.enums import FollowUpKind, FollowUpStatus
from qingshan.organization.models import Staff
from qingshan.teaching.enums import ObservationKind, ObservationStatus, ReviewLevel
from qingshan.teaching.models import Observation, ObservationScore
from qingshan.teaching.selectors.rubrics import items_of, published_rubric

LESSON_FIELDS = (
    "teacher",
    "term",
    "school_class",
    "subject",
    "observed_on",
    "first_period",
    "periods",
    "topic",
    "kind",
    "venue",
    "place",
    "follow_up",
)
TENTH = Decimal("0.1")


def _check_lesson(observation: Observation) -> None:
    errors: dict[str, str] = {}
    term = observation.term
    if not term.start_date <= observation.observed_on <= term.end_date:
        errors["observed_on"] = _(
            "The lesson's date is outside the term (%(start)s to %(end)s)."
        ) % {
            "start": term.start_date.isoformat(),
            "end": term.end_date.isoformat(),
        }
    elif observation.observed_on > timezone.localdate():
        errors["observed_on"] = _("A lesson is observed on a day that has come.")
    if observation.teacher_id == observation.observer_id:
        errors["teacher"] = _("Nobody observes their own lesson.")
    follow_up = observation.follow_up
    if observation.kind == ObservationKind.SHADOWING and follow_up is None:
        errors["follow_up"] = _("Name the follow-up of a rating this shadowing belongs to.")
    elif follow_up is not None:
        if observation.kind != ObservationKind.SHADOWING:
            errors["kind"] = _("An observation under a follow-up is of the kind shadowing.")
        elif follow_up.kind != FollowUpKind.SHADOWING:
            errors["follow_up"] = _("This follow-up is not one of shadowing classes.")
        elif follow_up.status != FollowUpStatus.OPEN:
            errors["follow_up"] = _("This follow-up is closed already.")
        elif observation.observed_on < timezone.localtime(follow_up.created_at).date():
            errors["observed_on"] = _("A lesson under a follow-up is observed after it was opened.")
        elif follow_up.target.staff_id not in (observation.observer_id, observation.teacher_id):
            errors["follow_up"] = _(
                "The teacher followed up is neither the observer nor the teacher observed."
            )
    if errors:
        raise DomainError(errors, code="lesson")


def _locked(observation: Observation) -> Observation:
    # Locks the observation so that two saves (a phone resending a draft while it submits) are
    # applied one after the other, each seeing the other's result.
    return (
        Observation.objects.select_for_update(of=("self",))
        .select_related("rubric", "term", "follow_up__target")
        .get(pk=observation.pk)
    )


def _locked_draft(observation: Observation) -> Observation:
    locked = _locked(observation)
    if locked.status != ObservationStatus.DRAFT:
        raise DomainError(_("This observation is submitted already."), code="submitted")
    return locked


@transaction.atomic
def begin_observation(*, school: School, observer: Staff, values: Mapping[str, Any]) -> Observation:
    """A draft observation by ``observer`` on the school's published rubric."""
    rubric = published_rubric(school)
    if rubric is None:
        raise DomainError(
            _("The school has no published observation rubric yet."), code="no_rubric"
        )
    observation = Observation(
        school=school,
        observer=observer,
        rubric=rubric,
        **{name: values[name] for name in LESSON_FIELDS if name in values},
    )
    validate_record(observation, checks=(_check_lesson,))
    observation.save()
    return observation


@transaction.atomic
def update_lesson(*, observation: Observation, values: Mapping[str, Any]) -> Observation:
    locked = _locked_draft(observation)
    for name in LESSON_FIELDS:
        if name in values:
            setattr(locked, name, values[name])
    validate_record(locked, checks=(_check_lesson,))
    locked.save()
    return locked


@transaction.atomic
def discard_draft(*, observation: Observation) -> Observation:
    """Put a draft aside: it is archived (kept, as every record is), no longer listed, counted
    or asked about in the inbox."""
    return archive_record(record=_locked_draft(observation))


def _points(raw: Any, *, label: str, maximum: int) -> Decimal:
    try:
        points = Decimal(str(raw).strip())
    except InvalidOperation:
        points = Decimal("NaN")
    if not points.is_finite() or points != points.quantize(TENTH):
        raise DomainError(
            _("%(item)s: give a number of points with at most one decimal.") % {"item": label},
            code="points",
        )
    if not Decimal(0) <= points <= maximum:
        raise DomainError(
            _("%(item)s: points are between 0 and %(maximum)s.")
            % {"item": label, "maximum": maximum},
            code="points",
        )
    return points


@transaction.atomic
def save_draft(
    *,
    observation: Observation,
    points: Mapping[int, Any],
    strengths: str = "",
    suggestions: str = "",
) -> Observation:
    """Keep what the observer has scored so far: ``points`` maps item ids of the observation's
    rubric to points, or to ``None`` (or "") for an item not scored yet."""
    locked = _locked_draft(observation)
    items = {item.pk: item for item in items_of(locked.rubric)}
    unknown = set(points) - set(items)
    if unknown:
        raise DomainError(_("Score only the items of the observation's rubric."), code="item")
    cleaned: dict[int, Decimal | None] = {}
    for pk, raw in points.items():
        empty = raw is None or str(raw).strip() == ""
        cleaned[pk] = (
            None if empty else _points(raw, label=items[pk].text, maximum=items[pk].max_points)
        )
    existing = {score.item_id: score for score in locked.scores.all()}
    for pk, value in cleaned.items():
        score = existing.get(pk)
        if value is None:
            if score is not None:
                score.delete()
        elif score is None:
            ObservationScore.objects.create(
                school=locked.school, observation=locked, item=items[pk], points=value
            )
        elif score.points != value:
            score.points = value
            score.save(update_fields=["points", "updated_at"])
    locked.strengths, locked.suggestions = strengths.strip(), suggestions.strip()
    locked.save(update_fields=["strengths", "suggestions", "updated_at"])
    return locked


@transaction.atomic
def submit_observation(*, observation: Observation, on: dt.date) -> Observation:
    """Submit a draft whose every item is scored; its score is the sum of the points."""
    locked = _locked_draft(observation)
    scores = {score.item_id: score.points for score in locked.scores.all()}
    missing = [item.text for item in items_of(locked.rubric) if item.pk not in scores]
    if missing:
        raise DomainError(
            _("Score every item before submitting; not scored yet: %(items)s.")
            % {"items": "、".join(missing)},
            code="unscored",
        )
    locked.total = sum(scores.values(), Decimal(0))
    locked.status, locked.submitted_on = ObservationStatus.SUBMITTED, on
    locked.save(update_fields=["total", "status", "submitted_on", "updated_at"])
    return locked


def _locked_submitted(observation: Observation) -> Observation:
    locked = _locked(observation)
    if locked.status != ObservationStatus.SUBMITTED:
        raise DomainError(_("The observation is not submitted yet."), code="draft")
    return locked


@transaction.atomic
def reply_to_observation(
    *, observation: Observation, by: Staff, text: str, on: dt.date
) -> Observation:
    """The observed teacher's one reply to a submitted observation (评课)."""
    locked = _locked_submitted(observation)
    if by.pk != locked.teacher_id:
        raise DomainError(_("Only the teacher observed replies."), code="not_teacher")
    if locked.replied_on is not None:
        raise DomainError(_("You have replied already."), code="replied")
    if not text.strip():
        raise DomainError({"reply": _("Write your reply.")}, code="empty")
    locked.reply, locked.replied_on = text.strip(), on
    locked.save(update_fields=["reply", "replied_on", "updated_at"])
    return locked


@transaction.atomic
def mark_read(
    *, observation: Observation, by: Any, level: str, note: str, on: dt.date
) -> Observation:
    """A school leader reads the record (查阅) and gives it a level; a later reading replaces
    an earlier one."""
    locked = _locked_submitted(observation)
    if level not in ReviewLevel.values:
        raise DomainError({"review_level": _("Choose a level.")}, code="level")
    locked.reviewed_by, locked.reviewed_on = by, on
    locked.review_level, locked.review_note = level, note.strip()
    locked.save(
        update_fields=["reviewed_by", "reviewed_on", "review_level", "review_note", "updated_at"]
    )
    return locked
