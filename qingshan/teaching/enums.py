"""Choices of the teacher-development records."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ObservationKind(models.TextChoices):
    ROUTINE = "routine", _("routine observation (常规听课)")
    SHADOWING = "shadowing", _("shadowing after a rating (跟班学习)")
    DEMONSTRATION = "demonstration", _("demonstration lesson (示范课)")
    OPEN = "open", _("open lesson (公开课)")
    COMPETITION = "competition", _("competition lesson (竞赛课)")
    REPORT = "report", _("new teacher's report lesson (汇报课)")


class Venue(models.TextChoices):
    INSIDE = "inside", _("in the school")
    OUTSIDE = "outside", _("outside the school")


class ObservationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class ReviewLevel(models.TextChoices):
    """The level a department head or school leader gives an observation record when reading it
    (查阅): how well the record was kept, not the lesson's score."""

    EXCELLENT = "excellent", _("excellent (优)")
    GOOD = "good", _("good (良)")
    ADEQUATE = "adequate", _("adequate (中)")
    POOR = "poor", _("needs work (差)")


class QuotaGroup(models.TextChoices):
    """Whom an observation quota applies to; a person is counted in the first group that fits."""

    LEADER = "leader", pgettext_lazy("quota group", "school leaders")
    DEPARTMENT_HEAD = "department_head", pgettext_lazy("quota group", "department heads")
    NEW_TEACHER = "new_teacher", pgettext_lazy("quota group", "new teachers")
    TEACHER = "teacher", pgettext_lazy("quota group", "teachers")


class LessonKind(models.TextChoices):
    DEMONSTRATION = "demonstration", _("demonstration lesson (示范课)")
    OPEN = "open", _("open lesson (公开课)")
    COMPETITION = "competition", _("competition lesson (竞赛课)")
    REPORT = "report", _("new teacher's report lesson (汇报课)")


class LessonLevel(models.TextChoices):
    SCHOOL = "school", pgettext_lazy("lesson level", "school")
    COUNTY = "county", pgettext_lazy("lesson level", "county")
    CITY = "city", pgettext_lazy("lesson level", "city")
    PROVINCE = "province", pgettext_lazy("lesson level", "province")
    NATION = "nation", pgettext_lazy("lesson level", "nation")


class TrainingKind(models.TextChoices):
    NATIONAL = "national", _("national training (国培)")
    PROVINCIAL = "provincial", _("provincial training (省培)")
    COUNTY = "county", _("county training")
    DEGREE = "degree", _("further degree study (学历进修)")
    ENTERPRISE = "enterprise", _("enterprise practice (企业实践)")
    SCHOOL_BASED = "school_based", _("school-based training (校本培训)")


class TrainingStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    APPROVED = "approved", _("approved")
    DONE = "done", _("done")
    REFUSED = "refused", _("refused")
