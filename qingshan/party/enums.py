"""Choices of the party app; names follow docs/glossary.md."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberStatus(models.TextChoices):
    PROBATIONARY = "probationary", _("probationary member")
    FULL = "full", _("full member")
    TRANSFERRED_OUT = "transferred_out", _("transferred out")
    DECEASED = "deceased", _("deceased")
    REVOKED = "revoked", _("probation revoked")
    LEFT = "left", _("left the party")


ACTIVE_MEMBER_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.FULL)


class MemberCategory(models.TextChoices):
    TEACHER = "teacher", _("teacher or staff")
    STUDENT = "student", _("student")
    OTHER = "other", _("other")


class MembershipEventKind(models.TextChoices):
    TRANSFER_IN = "transfer_in", _("transferred in")
    TRANSFER_OUT = "transfer_out", _("transferred out")
    ADMITTED = "admitted", _("admitted as probationary member")
    PROBATION_EXTENDED = "probation_extended", _("probation extended")
    CONVERTED = "converted", _("converted to full membership")
    REVOKED = "revoked", _("probation revoked")
    DECEASED = "deceased", _("deceased")
    LEFT = "left", _("left the party")


class CommitteeDuty(models.TextChoices):
    SECRETARY = "secretary", _("secretary")
    DEPUTY_SECRETARY = "deputy_secretary", _("deputy secretary")
    ORGANISATION = "organisation", _("organisation committee member")
    PROPAGANDA = "propaganda", _("propaganda committee member")
    DISCIPLINE = "discipline", _("discipline inspection committee member")
    YOUTH = "youth", _("youth work committee member")


class GroupKind(models.TextChoices):
    STANDING = "standing", _("standing party group")
    TRAINING_COHORT = "training_cohort", _("party group of a training cohort")


class Stage(models.IntegerChoices):
    """The five stages of recruitment (发展党员), in order."""

    APPLICANT = 1, _("applicant")
    ACTIVIST = 2, _("activist")
    CANDIDATE = 3, _("development candidate")
    PROBATIONARY = 4, _("probationary member")
    FULL = 5, _("full member")


class RecruitStatus(models.TextChoices):
    ACTIVE = "active", _("in progress")
    COMPLETED = "completed", _("became a full member")
    REVOKED = "revoked", _("candidacy revoked")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Step(models.IntegerChoices):
    """The 25 steps of recruitment; the stage each step belongs to is ``STEP_STAGE``."""

    APPLICATION = 1, _("application submitted")
    APPLICATION_TALK = 2, _("talk with the applicant")
    ACTIVIST_CHOSEN = 3, _("recommended and chosen as activist")
    ACTIVIST_FILED = 4, _("activist filed with the higher committee")
    CONTACTS_ASSIGNED = 5, _("cultivation contacts assigned")
    CULTIVATION = 6, _("cultivation and assessment")
    CANDIDATE_CHOSEN = 7, _("chosen as development candidate")
    CANDIDATE_FILED = 8, _("candidate filed with the higher committee")
    SPONSORS_CHOSEN = 9, _("sponsors chosen")
    POLITICAL_REVIEW = 10, _("political review")
    TRAINING = 11, _("concentrated training")
    COMMITTEE_REVIEW = 12, _("branch committee review")
    PRE_REVIEW = 13, _("pre-review by the higher committee")
    APPLICATION_FORM = 14, _("admission form filled in")
    BRANCH_VOTE = 15, _("branch general meeting resolution")
    HIGHER_TALK = 16, _("talk by the higher committee")
    APPROVAL = 17, _("approval by the higher committee")
    APPROVAL_FILED = 18, _("approval filed with the organisation department")
    GROUP_ASSIGNED = 19, _("placed in the branch and a party group")
    OATH = 20, _("oath of admission")
    PROBATION_EDUCATION = 21, _("education during probation")
    CONVERSION_APPLICATION = 22, _("application for conversion")
    CONVERSION_VOTE = 23, _("branch general meeting on conversion")
    CONVERSION_APPROVAL = 24, _("approval of conversion")
    ARCHIVED = 25, _("papers filed in the dossier")


STEP_STAGE: dict[int, int] = {
    **dict.fromkeys(range(1, 3), Stage.APPLICANT),
    **dict.fromkeys(range(3, 7), Stage.ACTIVIST),
    **dict.fromkeys(range(7, 12), Stage.CANDIDATE),
    **dict.fromkeys(range(12, 22), Stage.PROBATIONARY),
    **dict.fromkeys(range(22, 26), Stage.FULL),
}

# Steps after which the recruit stands at a new stage.
STAGE_REACHED_BY_STEP: dict[int, int] = {
    Step.ACTIVIST_CHOSEN: Stage.ACTIVIST,
    Step.CANDIDATE_CHOSEN: Stage.CANDIDATE,
    Step.APPROVAL: Stage.PROBATIONARY,
    Step.CONVERSION_APPROVAL: Stage.FULL,
}


class RecruitEventKind(models.TextChoices):
    PUBLIC_NOTICE = "public_notice", _("public notice period")
    PROBATION_EXTENDED = "probation_extended", _("probation extended")
    REVOKED = "revoked", _("candidacy revoked")
    WITHDRAWN = "withdrawn", _("withdrawn")
    VOTE_FAILED = "vote_failed", _("vote did not pass")


class CultivationKind(models.TextChoices):
    THOUGHT_REPORT = "thought_report", _("thought report")
    ASSESSMENT = "assessment", _("half-yearly assessment by the branch")


class MeetingKind(models.TextChoices):
    MEMBERS_MEETING = "members_meeting", _("members' meeting")
    COMMITTEE_MEETING = "committee_meeting", _("committee meeting")
    GROUP_MEETING = "group_meeting", _("party group meeting")
    PARTY_LESSON = "party_lesson", _("party lesson")
    POLITICAL_STUDY = "political_study", _("political study")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


class AbsenceReason(models.TextChoices):
    """Why an excused member was not at a meeting (an absent member gave no reason)."""

    LEAVE = "leave", _("on leave")
    SICK = "sick", _("sick")
    AWAY = "away", _("away on duty")


class MenteeKind(models.TextChoices):
    YOUNG_TEACHER = "young_teacher", _("young teacher")
    STUDENT = "student", _("student")
    ACTIVIST = "activist", _("activist (cultivation contact)")


class MentoringOutcome(models.TextChoices):
    ONGOING = "ongoing", _("ongoing")
    BECAME_ACTIVIST = "became_activist", _("became an activist")
    BECAME_MEMBER = "became_member", _("became a party member")
    IMPROVED = "improved", _("improved in work or study")
    ENDED = "ended", _("ended without result")


class AppraisalStatus(models.IntegerChoices):
    """The yearly democratic appraisal, in order."""

    SELF_APPRAISAL = 1, _("self-appraisal")
    MUTUAL_APPRAISAL = 2, _("mutual appraisal")
    VOTE = 3, _("vote")
    DECISION = 4, _("committee decision")
    CLOSED = 5, _("closed")


class AppraisalGrade(models.TextChoices):
    EXCELLENT = "excellent", _("excellent")
    QUALIFIED = "qualified", _("qualified")
    BASICALLY_QUALIFIED = "basically_qualified", _("basically qualified")
    UNQUALIFIED = "unqualified", _("unqualified")


class IncomeKind(models.TextChoices):
    EMPLOYED = "employed", _("employed (after-tax wage)")
    RETIRED = "retired", _("retired (pension)")
    STUDENT = "student", _("student")
