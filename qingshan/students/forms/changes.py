"""Forms of roll changes: the request, the refusal and the bureau's reply; every choice of a class
or major is the school's (``SchoolModelForm``). The services check what each kind needs."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import SchoolModelForm
from qingshan.students.models import ChangeRule, RollChange


class ChangeRequestForm(SchoolModelForm):
    class Meta:
        model = RollChange
        fields = [
            "kind",
            "effective_on",
            "reason",
            "to_class",
            "to_programme",
            "to_length_years",
            "other_school",
            "certificate_no",
            "evidence",
        ]
        widgets = {"effective_on": forms.DateInput(attrs={"type": "date"})}


class RefusalForm(forms.Form):
    reason = forms.CharField(label=_("reason for refusal"), max_length=200)


class BureauReplyForm(forms.Form):
    reference = forms.CharField(label=_("the bureau's reply (document number)"), max_length=60)
    approved_on = forms.DateField(
        label=_("approved by the bureau on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ChangeRuleForm(SchoolModelForm):
    class Meta:
        model = ChangeRule
        fields = ["kind", "window_days", "approver"]


class GraduationForm(forms.Form):
    on = forms.DateField(label=_("graduates on"), widget=forms.DateInput(attrs={"type": "date"}))
    first_certificate = forms.CharField(
        label=_("first certificate number"),
        max_length=40,
        help_text=_(
            "Its trailing digits are counted up for each graduate, in student-number order."
        ),
    )


class CreditForm(forms.Form):
    course = forms.CharField(label=_("course passed"), max_length=60)
    credits = forms.DecimalField(
        label=_("credits"), min_value=0, max_value=60, max_digits=4, decimal_places=1
    )
    accepted_as = forms.CharField(
        label=_("accepted as the course"),
        max_length=60,
        required=False,
        help_text=_("Leave empty when the course is not accepted."),
    )
