"""Forms of placements, exceptions, visits and the end of a placement; every choice is the
school's. The rules are checked by the services, not here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm
from qingshan.core.uploads import check_upload
from qingshan.internships.models import Placement, Visit


class PlacementForm(SchoolModelForm):
    class Meta:
        model = Placement
        fields = [
            "student",
            "unit",
            "kind",
            "starts_on",
            "ends_on",
            "post",
            "matches_major",
            "school_supervisor",
            "unit_supervisor",
            "unit_supervisor_phone",
            "agreement_signed_on",
            "agreement_file",
            "consent_signed_on",
            "insurer",
            "policy_no",
            "insured_from",
            "insured_until",
            "premium_payer",
            "monthly_pay",
            "pay_basis",
            "reference_wage",
            "pay_interval_days",
            "paid_directly",
            "fees_charged",
            "forbidden_work",
            "through_agent",
            "irregular_hours",
            "post_staff",
            "note",
        ]

    def clean_agreement_file(self) -> Any:
        return check_upload(self.cleaned_data.get("agreement_file"))


class ExceptionForm(forms.Form):
    rule = forms.ChoiceField(label=_("rule"))
    reason = forms.CharField(
        label=_("reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    filed_with = forms.CharField(
        label=_("filed with"),
        required=False,
        max_length=120,
        help_text=_("Where the rule asks for it: the authority and the filing's reference."),
    )

    def __init__(self, *args: Any, rules: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = rules  # type: ignore[attr-defined]


class EndForm(forms.Form):
    ended_on = forms.DateField(label=_("ended on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("how it ended"), required=False, max_length=200)


class VisitForm(SchoolModelForm):
    class Meta:
        model = Visit
        fields = [
            "placement",
            "visited_on",
            "visitor",
            "attendance",
            "attitude",
            "skill",
            "safety",
            "teamwork",
            "note",
        ]
