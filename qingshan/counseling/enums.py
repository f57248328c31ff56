"""The words of counseling: screening campaigns and their alerts, the case file and its crisis
protocol, and why a case was read."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Scoring(models.TextChoices):
    """How a factor's score is made from its items' answers (the total is always the sum)."""

    MEAN = "mean", _("mean of the items")
    SUM = "sum", _("sum of the items")


class Grade(models.IntegerChoices):
    """An alert's grade, from the scale's thresholds; a higher number is more urgent."""

    YELLOW = 1, _("yellow")
    ORANGE = 2, _("orange")
    RED = 3, _("red")


class CampaignState(models.TextChoices):
    """A screening campaign: prepared, open for answers within its window, closed."""

    DRAFT = "draft", pgettext_lazy("screening", "being prepared")
    OPEN = "open", pgettext_lazy("screening", "open")
    CLOSED = "closed", pgettext_lazy("screening", "closed")


class FollowUp(models.TextChoices):
    """What the counselor's interview after an alert found."""

    NO_CONCERN = "no_concern", _("interviewed: no further concern")
    WATCH = "watch", _("interviewed: to be watched")
    CASE = "case", _("interviewed: a case was opened")
    NOT_REACHED = "not_reached", _("could not be interviewed")


class Source(models.TextChoices):
    """Who referred a student to the counselor."""

    SCREENING = "screening", _("screening")
    HEAD_TEACHER = "head_teacher", _("head teacher")
    SELF = "self", _("the student")
    PARENT = "parent", _("parent or guardian")
    OTHER = "other", pgettext_lazy("referral", "other")


class CaseState(models.TextChoices):
    OPEN = "open", pgettext_lazy("case", "open")
    REFERRED = "referred", _("referred to a hospital")
    CLOSED = "closed", pgettext_lazy("case", "closed")


class SessionKind(models.TextChoices):
    APPOINTMENT = "appointment", _("appointment")
    SESSION = "session", _("counseling session")


class CrisisStep(models.TextChoices):
    """The crisis protocol's steps, in the order the school's protocol lists them."""

    FLAGGED = "flagged", _("risk of harm flagged")
    GUARDIAN_TOLD = "guardian", _("guardian told")
    LEADERS_TOLD = "leaders", _("school leaders told")
    REFERRED = "referred", _("referred to a hospital or the police")
    SAFE = "safe", _("student in safe hands")


REQUIRED_CRISIS_STEPS = (
    CrisisStep.FLAGGED,
    CrisisStep.GUARDIAN_TOLD,
    CrisisStep.LEADERS_TOLD,
    CrisisStep.REFERRED,
)


class ReadReason(models.TextChoices):
    """Why a case was opened for reading: every read is logged with one."""

    COUNSELING = "counseling", _("counseling work on this case")
    SUPERVISION = "supervision", _("case supervision")
    CRISIS = "crisis", _("crisis")
    GUARDIAN_REQUEST = "guardian", _("a guardian's request")
    BREAK_GLASS = "break_glass", _("break-glass read in a crisis")


COUNSELOR_REASONS = (
    ReadReason.COUNSELING,
    ReadReason.SUPERVISION,
    ReadReason.CRISIS,
    ReadReason.GUARDIAN_REQUEST,
)


class IncidentKind(models.TextChoices):
    """A personal-information incident the school recorded (for the yearly pack)."""

    LEAK = "leak", _("leak")
    LOSS = "loss", _("loss or destruction")
    WRONG_ACCESS = "access", _("access by someone not entitled")
    OTHER = "other", pgettext_lazy("incident", "other")
