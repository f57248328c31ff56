"""What was answered, with nothing that leads back to a rater.

- Scale and choice answers are counters, created when the campaign is prepared (one row per
  target × question × value), so a submission only increments existing rows: no row is born at
  the moment of a rating.
- Free-text answers are rows keyed by a random UUID, with no user, no token and no time; they
  are always read in key order, which is random.
- While a campaign is open, each rating waits sealed (encrypted with a key kept outside the
  database, padded to one size) as a ``SealedBallot``; closing the campaign opens them all, in
  one transaction, adds them to the counters and writes the free text in a shuffled order. So
  nothing written while raters rate can be read, and nothing written after shares an order with
  who rated (docs/anonymity.md).
None of these models has a timestamp.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from qingshan.evaluations.enums import ReviewStatus


class AnswerCount(models.Model):
    """How many raters gave one value (a score, or an option) to one question about one target."""

    school = models.ForeignKey(
        "organization.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school")
    )
    target = models.ForeignKey(
        "evaluations.Target",
        on_delete=models.CASCADE,
        related_name="%(class)ss",
        verbose_name=_("rated"),
    )
    question = models.ForeignKey(
        "evaluations.Question",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("question"),
    )
    count = models.PositiveIntegerField(_("answers"), default=0)

    class Meta:
        abstract = True


class ScaleCount(AnswerCount):
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score count")
        verbose_name_plural = _("score counts")
        constraints = [
            models.UniqueConstraint(
                fields=["target", "question", "value"], name="scalecount_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}={self.value}: {self.count}"


class ChoiceCount(AnswerCount):
    option = models.PositiveSmallIntegerField(_("option"))

    class Meta:
        verbose_name = _("choice count")
        verbose_name_plural = _("choice counts")
        constraints = [
            models.UniqueConstraint(
                fields=["target", "question", "option"], name="choicecount_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}#{self.option}: {self.count}"


class TextAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(
        "organization.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school")
    )
    target = models.ForeignKey(
        "evaluations.Target",
        on_delete=models.CASCADE,
        related_name="text_answers",
        verbose_name=_("rated"),
    )
    question = models.ForeignKey(
        "evaluations.Question",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("question"),
    )
    text = models.TextField(_("answer"))
    review = models.CharField(
        _("review"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )

    class Meta:
        verbose_name = _("free-text answer")
        verbose_name_plural = _("free-text answers")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:40]


class SealedBallot(models.Model):
    """One rating given while the campaign is open, sealed until the campaign closes.

    ``sealed`` is the rating (target, scores, choices, texts) padded to the instrument's ballot
    size and encrypted (``core.sealing``, purpose ``ballot``): whoever reads the database learns
    only that a ballot of the campaign exists. Counting the ballots deletes them."""

    school = models.ForeignKey(
        "organization.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school")
    )
    campaign = models.ForeignKey(
        "evaluations.Campaign",
        on_delete=models.CASCADE,
        related_name="sealed_ballots",
        verbose_name=_("campaign"),
    )
    sealed = models.BinaryField(_("sealed rating"))

    class Meta:
        verbose_name = _("sealed rating")
        verbose_name_plural = _("sealed ratings")

    def __str__(self) -> str:
        return str(_("sealed rating"))
