"""Forms of the recruitment pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, choice_field
from qingshan.core.models import School
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Staff, Student
from qingshan.party.enums import ACTIVE_MEMBER_STATUSES, CultivationKind, MemberCategory, Step
from qingshan.party.models import Member, RecruitmentStep


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_("full name"), max_length=40)
    gender = forms.ChoiceField(
        label=_("gender"), choices=[("male", _("male")), ("female", _("female"))]
    )
    birth_date = forms.DateField(label=_("date of birth"), widget=DATE_WIDGET)
    applied_on = forms.DateField(label=_("application submitted on"), widget=DATE_WIDGET)
    category = forms.ChoiceField(label=_("category"), choices=MemberCategory.choices)
    staff = forms.ModelChoiceField(
        label=_("staff record"), queryset=Staff.objects.none(), required=False
    )
    student = forms.ModelChoiceField(
        label=_("student record"), queryset=Student.objects.none(), required=False
    )
    is_league_member = forms.BooleanField(label=_("Youth League member"), required=False)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "staff").queryset = (
            Staff.objects.for_school(school).active().filter(left_on__isnull=True)
        )
        choice_field(self, "student").queryset = (
            Student.objects.for_school(school)
            .active()
            .filter(status=StudentStatus.STUDYING)
            .select_related("school_class")
        )


class StepForm(forms.Form):
    step = forms.TypedChoiceField(label=_("step"), choices=Step.choices, coerce=int)
    date = forms.DateField(label=_("date"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("until"), widget=DATE_WIDGET, required=False)
    actors = forms.ModelMultipleChoiceField(
        label=_("members involved"),
        queryset=Member.objects.none(),
        required=False,
        help_text=_("Talkers, cultivation contacts, sponsors…"),
    )
    other_actors = forms.CharField(label=_("others involved"), max_length=200, required=False)
    meeting_reference = forms.CharField(label=_("meeting"), max_length=120, required=False)
    entitled_to_vote = forms.IntegerField(
        label=_("full members entitled to vote"), min_value=0, required=False
    )
    attended = forms.IntegerField(label=_("entitled members present"), min_value=0, required=False)
    yes_votes = forms.IntegerField(label=_("yes votes (present)"), min_value=0, required=False)
    written_yes_votes = forms.IntegerField(
        label=_("yes votes in writing from absent full members"), min_value=0, required=False
    )
    no_votes = forms.IntegerField(label=_("no votes"), min_value=0, required=False)
    abstentions = forms.IntegerField(label=_("abstentions"), min_value=0, required=False)
    training_days = forms.DecimalField(
        label=_("training days"), min_value=0, max_digits=4, decimal_places=1, required=False
    )
    training_hours = forms.IntegerField(
        label=_("training class hours"), min_value=0, required=False
    )
    league_recommended = forms.BooleanField(
        label=_("recommended by the Youth League"), required=False
    )
    special_circumstances = forms.CharField(
        label=_("special circumstances"), max_length=300, required=False
    )
    opinion = forms.CharField(
        label=_("opinion or content"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    exception_reason = forms.CharField(
        label=_("justified exception"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when a time limit or a rule of local practice was not met: say why."),
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "actors").queryset = Member.objects.for_school(school).filter(
            status__in=ACTIVE_MEMBER_STATUSES
        )


class RecruitEventForm(forms.Form):
    date = forms.DateField(label=_("date"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("until"), widget=DATE_WIDGET, required=False)
    months = forms.IntegerField(label=_("months"), min_value=1, max_value=24, required=False)
    reason = forms.CharField(
        label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CultivationForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=CultivationKind.choices)
    date = forms.DateField(label=_("date"), widget=DATE_WIDGET)
    summary = forms.CharField(
        label=_("summary"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StepDocumentForm(forms.Form):
    step = forms.ModelChoiceField(label=_("step"), queryset=RecruitmentStep.objects.none())
    title = forms.CharField(label=_("title"), max_length=120)
    file = forms.FileField(label=_("file"), help_text=_("PDF, Word, Excel, JPEG or PNG."))

    def __init__(self, *args: Any, recruit: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "step").queryset = recruit.steps.order_by("step", "date")
