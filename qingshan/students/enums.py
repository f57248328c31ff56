"""The words of a student's path: programmes, entry routes, the kinds of roll change (学籍异动)
that the 2010 national rules for secondary vocational school records list, and their states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.TextChoices):
    """The school's programmes beside the track (普高/职高) a class belongs to."""

    STANDARD = "standard", _("full-time secondary programme")
    JOINT_3_2 = "joint_3_2", _("3+2 programme with a higher vocational college")
    JOINT_3_3 = "joint_3_3", _("3+3 programme with a higher vocational college")
    ADULT = "adult", _("part-time programme for adults")


class EntryRoute(models.TextChoices):
    EXAM = "exam", _("admitted through the senior-secondary entrance exam")
    REGISTRATION = "registration", _("admitted by registration")
    TRANSFER_IN = "transfer_in", _("transferred in from another school")
    OTHER = "other", _("other entry route")


class EnrolmentState(models.TextChoices):
    STUDYING = "studying", _("on the rolls, studying")
    SUSPENDED = "suspended", _("on the rolls, suspended")


class ChangeKind(models.TextChoices):
    TRACK = "track", _("transfer between tracks")
    MAJOR = "major", _("change of major")
    LENGTH = "length", _("change of length of schooling")
    REPEAT = "repeat", _("repeat a year")
    SUSPEND = "suspend", _("suspension of study")
    RETURN = "return", _("return from suspension")
    WITHDRAW = "withdraw", _("withdrawal")
    TRANSFER_IN = "transfer_in", _("transfer into the school")
    TRANSFER_OUT = "transfer_out", _("transfer out of the school")
    DEATH = "death", _("death")
    GRADUATE = "graduate", _("graduation")


# The changes after which the student is no longer on the school's rolls.
LEAVING_KINDS = frozenset(
    {ChangeKind.WITHDRAW, ChangeKind.TRANSFER_OUT, ChangeKind.DEATH, ChangeKind.GRADUATE}
)
# The changes that move the student into another class (and so need one named).
CLASS_MOVING_KINDS = frozenset(
    {ChangeKind.TRACK, ChangeKind.MAJOR, ChangeKind.REPEAT, ChangeKind.RETURN}
)


class ChangeStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    AWAITING_BUREAU = "awaiting_bureau", _("approved by the school, awaiting the bureau")
    DONE = "done", _("approved and carried out")
    REFUSED = "refused", _("refused")
    WITHDRAWN = "withdrawn", _("withdrawn by the requester")


OPEN_STATUSES = frozenset({ChangeStatus.REQUESTED, ChangeStatus.AWAITING_BUREAU})


class Approver(models.TextChoices):
    SCHOOL = "school", _("the school")
    BUREAU = "bureau", _("the school, then the education bureau")


class ChoiceStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    ASSIGNED = "assigned", _("assigned")
    NOT_ASSIGNED = "not_assigned", _("not assigned")
    WITHDRAWN = "withdrawn", _("withdrawn")


class TextbookState(models.TextChoices):
    DRAFT = "draft", _("being written")
    REVIEW = "review", _("under review")
    APPROVED = "approved", _("approved for use")
    RETIRED = "retired", _("no longer used")
