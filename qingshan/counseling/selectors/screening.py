"""Reads of screening: who a campaign screens, the "one without leaking" board, alerts, and what a
head teacher may see (that a student needs attention, and whom to contact).

Invariant: nothing here returns an answer; scores and grades leave only through the counselors'
pages (``counseling.screen``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from qingshan.core.dates import age_on
from qingshan.core.models import School
from qingshan.counseling.enums import CampaignState, Grade
from qingshan.counseling.models import Alert, Campaign, Sheet
from qingshan.organization.models import SchoolClass, Staff, Student


def campaigns(school: School) -> QuerySet[Campaign]:
    return Campaign.objects.for_school(school).select_related("scale", "counselor")


def students_of(campaign: Campaign) -> QuerySet[Student]:
    """The students a campaign screens: on the rolls on its opening day (by their dates, so a
    past campaign keeps its students), in its classes (the whole school when it names none)."""
    students = Student.objects.for_school(campaign.school).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=campaign.opens_on),
        enrolled_on__lte=campaign.opens_on,
    )
    class_ids = list(campaign.classes.values_list("pk", flat=True))
    if class_ids:
        students = students.filter(school_class__in=class_ids)
    return students


def screened(campaign: Campaign) -> QuerySet[Sheet]:
    """Sheets handed in and valid: the students counted as screened."""
    return Sheet.objects.filter(campaign=campaign, answered_at__isnull=False, valid=True)


def unscreened(campaign: Campaign) -> QuerySet[Student]:
    """Students of the campaign with no valid sheet (an invalid sheet is answered again)."""
    done = screened(campaign).filter(student=OuterRef("pk"))
    return (
        students_of(campaign)
        .filter(~Exists(done))
        .select_related("school_class")
        .order_by("school_class__name", "student_no")
    )


@dataclass(frozen=True)
class ClassCoverage:
    school_class: SchoolClass
    students: int
    screened: int

    @property
    def missing(self) -> int:
        return self.students - self.screened


def coverage(campaign: Campaign) -> list[ClassCoverage]:
    """Per class: students the campaign screens, and how many of them are screened."""
    done = screened(campaign).filter(student=OuterRef("pk"))
    rows = (
        students_of(campaign)
        .annotate(done=Exists(done))
        .values("school_class")
        .annotate(students=Count("pk"), screened=Count("pk", filter=Q(done=True)))
        .order_by()
    )
    counts = {row["school_class"]: row for row in rows}
    classes = SchoolClass.objects.filter(pk__in=counts).order_by("-entry_year", "name")
    return [
        ClassCoverage(
            school_class,
            counts[school_class.pk]["students"],
            counts[school_class.pk]["screened"],
        )
        for school_class in classes
    ]


def outside_age(campaign: Campaign) -> int:
    """How many of the campaign's students are outside its scale's age range on its first day
    (a student whose date of birth is missing is not counted)."""
    scale = campaign.scale
    if scale.age_min is None and scale.age_max is None:
        return 0
    births = students_of(campaign).exclude(birth_date=None).values_list("birth_date", flat=True)
    ages = [age_on(birth, campaign.opens_on) for birth in births if birth is not None]
    return sum(
        1
        for age in ages
        if (scale.age_min is not None and age < scale.age_min)
        or (scale.age_max is not None and age > scale.age_max)
    )


def alerts(school: School) -> QuerySet[Alert]:
    return Alert.objects.for_school(school).select_related(
        "student__school_class", "counselor", "sheet__campaign", "followed_up_by"
    )


def open_alerts(school: School) -> QuerySet[Alert]:
    return alerts(school).filter(interviewed_on__isnull=True).order_by("-grade", "due_on", "pk")


def overdue_alerts(school: School, today: dt.date | None = None) -> QuerySet[Alert]:
    today = today or timezone.localdate()
    return open_alerts(school).filter(due_on__lt=today)


@dataclass(frozen=True)
class Attention:
    """What a head teacher sees: a student of theirs needs attention, and whom to contact."""

    student: Student
    counselor: Staff


def attention_for(school: School, staff: Staff) -> list[Attention]:
    """Students of the classes ``staff`` heads with an alert not yet followed up; never the
    grade, the campaign or any answer (once a counselor follows it up, the counselor talks to
    the head teacher as the case needs)."""
    rows = (
        open_alerts(school)
        .filter(student__school_class__head_teacher=staff)
        .select_related("student", "counselor")
        .order_by("student__school_class__name", "student__student_no")
    )
    seen: dict[int, Attention] = {}
    for alert in rows:
        seen.setdefault(alert.student_id, Attention(alert.student, alert.counselor))
    return list(seen.values())


def open_campaigns_for(student: Student, today: dt.date | None = None) -> list[Campaign]:
    """Open campaigns screening ``student`` today that have no valid sheet of theirs."""
    today = today or timezone.localdate()
    found = []
    for campaign in campaigns(student.school).filter(
        state=CampaignState.OPEN, opens_on__lte=today, closes_on__gte=today
    ):
        if (
            students_of(campaign).filter(pk=student.pk).exists()
            and not screened(campaign).filter(student=student).exists()
        ):
            found.append(campaign)
    return found


def sheet_of(campaign: Campaign, student: Student) -> Sheet | None:
    return Sheet.objects.filter(campaign=campaign, student=student).first()


def grade_counts(sheets: QuerySet[Sheet]) -> dict[int, int]:
    rows = sheets.exclude(grade=None).values("grade").annotate(n=Count("pk")).order_by()
    counts = {row["grade"]: row["n"] for row in rows}
    return {grade: counts.get(grade, 0) for grade in Grade.values}
