"""Choices of the rating campaigns (千人评教): who rates whom, question kinds, the campaign states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstrumentKind(models.TextChoices):
    """Who rates whom; fixes how targets and raters are drawn from the school's records."""

    STUDENTS_RATE_TEACHERS = "students_teachers", _("students rate the teachers of their class")
    PARENTS_RATE_SCHOOL = "parents_school", _("parents rate the school")
    PARENTS_RATE_HEAD_TEACHERS = "parents_head_teachers", _("parents rate the head teacher")
    PUBLIC_RATES_MEMBERS = "public_members", _("the public rates party members")
    STAFF_RATE_DEPARTMENTS = "staff_departments", _("staff rate the departments")
    MEMBERS_APPRAISE_MEMBERS = (
        "members_members",
        _("members appraise each other (democratic appraisal)"),
    )


class RaterKind(models.TextChoices):
    STUDENT = "student", _("student")
    PARENT = "parent", _("parent or guardian")
    PUBLIC = "public", _("member of the public")
    STAFF = "staff", _("staff member")
    MEMBER = "member", _("party member")


class TargetKind(models.TextChoices):
    TEACHER = "teacher", _("teacher")
    SCHOOL = "school", _("the school")
    HEAD_TEACHER = "head_teacher", _("head teacher")
    PARTY_MEMBER = "party_member", _("party member")
    DEPARTMENT = "department", _("department")


INSTRUMENT_SHAPE: dict[str, tuple[str, str]] = {
    InstrumentKind.STUDENTS_RATE_TEACHERS: (RaterKind.STUDENT, TargetKind.TEACHER),
    InstrumentKind.PARENTS_RATE_SCHOOL: (RaterKind.PARENT, TargetKind.SCHOOL),
    InstrumentKind.PARENTS_RATE_HEAD_TEACHERS: (RaterKind.PARENT, TargetKind.HEAD_TEACHER),
    InstrumentKind.PUBLIC_RATES_MEMBERS: (RaterKind.PUBLIC, TargetKind.PARTY_MEMBER),
    InstrumentKind.STAFF_RATE_DEPARTMENTS: (RaterKind.STAFF, TargetKind.DEPARTMENT),
    InstrumentKind.MEMBERS_APPRAISE_MEMBERS: (RaterKind.MEMBER, TargetKind.PARTY_MEMBER),
}


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("rating scale")
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")
    TEXT = "text", _("free text")


class Visibility(models.TextChoices):
    """Who may see the results of a question besides the reviewers (secretary, school admin)."""

    MANAGERS = "managers", _("the secretary and the school administrator only")
    TARGET = "target", _("also the person rated")
    SCHOOL = "school", _("all staff of the school")


class CampaignStatus(models.IntegerChoices):
    """The campaign's states, in order; transitions only through ``services.campaigns``."""

    DRAFT = 1, _("draft")
    PREPARED = 2, _("prepared")
    OPEN = 3, _("open")
    CLOSED = 4, _("closed")
    REVIEWED = 5, _("reviewed")
    PUBLISHED = 6, _("published")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("not reviewed yet")
    PUBLIC = "public", _("public")
    PRIVATE = "private", _("private to the person rated")
    WITHHELD = "withheld", _("withheld")


class FollowUpKind(models.TextChoices):
    SHADOWING = "shadowing", _("shadowing classes (跟班学习)")
    IMPROVEMENT_PLAN = "improvement_plan", _("improvement plan")
    WRITTEN_REVIEW = "written_review", _("written review")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class SlipBatchStatus(models.TextChoices):
    """A file of QR slips for every class of a campaign, built in the background."""

    WAITING = "waiting", _("waiting to be built")
    BUILDING = "building", _("being built")
    READY = "ready", _("ready to download")
    COLLECTED = "collected", _("downloaded")
    FAILED = "failed", _("failed")
