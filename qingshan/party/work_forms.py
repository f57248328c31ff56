"""Forms of the meetings, mentoring, appraisal and dues pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, choice_field
from qingshan.core.models import School
from qingshan.party.enums import ACTIVE_MEMBER_STATUSES, IncomeKind, MentoringOutcome
from qingshan.party.models import Member


def _active_members(school: School) -> Any:
    return Member.objects.for_school(school).filter(status__in=ACTIVE_MEMBER_STATUSES)


class MentoringLogForm(forms.Form):
    date = forms.DateField(label=_("date"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("what was done"), widget=forms.Textarea(attrs={"rows": 2}))


class MentoringCloseForm(forms.Form):
    end_on = forms.DateField(label=_("until"), widget=DATE_WIDGET)
    outcome = forms.ChoiceField(
        label=_("outcome"),
        choices=[c for c in MentoringOutcome.choices if c[0] != MentoringOutcome.ONGOING],
    )


class OpenAppraisalForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1990, max_value=2100)


class DuesBaseForm(forms.Form):
    member = forms.ModelChoiceField(label=_("member"), queryset=Member.objects.none())
    valid_from = forms.DateField(label=_("from month"), widget=DATE_WIDGET)
    income_kind = forms.ChoiceField(label=_("income"), choices=IncomeKind.choices)
    monthly_income = forms.DecimalField(
        label=_("monthly income after tax (yuan)"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        initial=0,
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "member").queryset = _active_members(school)


class DuesPaymentForm(forms.Form):
    member = forms.ModelChoiceField(label=_("member"), queryset=Member.objects.none())
    month = forms.DateField(label=_("month"), widget=DATE_WIDGET)
    amount = forms.DecimalField(
        label=_("amount (yuan)"), min_value=0, max_digits=8, decimal_places=2
    )
    paid_on = forms.DateField(label=_("paid on"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "member").queryset = _active_members(school)
