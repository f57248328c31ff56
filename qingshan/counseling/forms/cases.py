"""Forms of the case file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.forms import DATE_WIDGET
from qingshan.counseling.enums import COUNSELOR_REASONS, CrisisStep, SessionKind, Source
from qingshan.organization.models import Staff, Student

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
NOTES = forms.Textarea(attrs={"rows": 6})


class OpenCaseForm(forms.Form):
    student = forms.ModelChoiceField(label=_("student"), queryset=Student.objects.none())
    source = forms.ChoiceField(label=_("referred by"), choices=Source.choices)
    opened_on = forms.DateField(label=_("opened on"), widget=DATE_WIDGET)
    concern = forms.CharField(label=_("concern"), widget=NOTES, max_length=5000)

    def __init__(self, *args: Any, school: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["student"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Student.objects.for_school(school).pickable()


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=SessionKind.choices)
    starts_at = forms.DateTimeField(label=_("starts at"), widget=DATETIME)
    minutes = forms.IntegerField(
        label=pgettext_lazy("counseling", "minutes"), min_value=5, max_value=240, initial=50
    )
    notes = forms.CharField(label=_("notes"), widget=NOTES, required=False, max_length=10000)


class ReferralForm(forms.Form):
    hospital = forms.CharField(label=_("hospital"), max_length=80)
    referred_on = forms.DateField(label=_("referred on"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("reason"), widget=NOTES, max_length=5000)


class ReferralFollowUpForm(forms.Form):
    followed_up_on = forms.DateField(label=_("followed up on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("follow-up"), widget=NOTES, max_length=5000)
    returned_on = forms.DateField(label=_("back at school on"), widget=DATE_WIDGET, required=False)
    return_plan = forms.CharField(
        label=_("plan for the return to school"), widget=NOTES, required=False, max_length=5000
    )


class CrisisStepForm(forms.Form):
    step = forms.ChoiceField(label=_("step"), choices=CrisisStep.choices)
    done_at = forms.DateTimeField(label=_("done at"), widget=DATETIME)
    note = forms.CharField(label=_("note"), widget=NOTES, required=False, max_length=5000)


class CloseForm(forms.Form):
    closed_on = forms.DateField(label=_("closed on"), widget=DATE_WIDGET)
    summary = forms.CharField(label=_("how the case ends"), widget=NOTES, max_length=5000)


class AddCounselorForm(forms.Form):
    staff = forms.ModelChoiceField(label=_("counselor"), queryset=Staff.objects.none())

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["staff"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff


class ReasonForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("why you open this case"),
        choices=[(reason.value, reason.label) for reason in COUNSELOR_REASONS],
        widget=forms.RadioSelect,
        initial=COUNSELOR_REASONS[0].value,
    )


class BreakGlassForm(forms.Form):
    number = forms.CharField(
        label=_("case number or student number"),
        max_length=20,
        help_text=_("The student's latest case opens when a student number is given."),
    )
    note = forms.CharField(
        label=_("why the glass is broken"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=10,
        max_length=200,
    )
