"""Forms of the meetings, mentoring, appraisal and dues pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, choice_field
from qingshan.core.models import School
from qingshan.party.enums import (
    ACTIVE_MEMBER_STATUSES,
    AbsenceReason,
    IncomeKind,
    MentoringOutcome,
)
from qingshan.party.models import Member


def _active_members(school: School) -> Any:
    return Member.objects.for_school(school).filter(status__in=ACTIVE_MEMBER_STATUSES)


ABSENT_WITHOUT_REASON = "absent"
ROLL_CALL_PREFIX = "absent_"


class RollCallForm(forms.Form):
    """A meeting's roll call: everyone on the roll present, but those marked with a reason
    (excused) or as absent without one. One field ``absent_<member id>`` per member on the roll;
    an absentee posted who is not on the roll is refused."""

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        marks = [
            ("", _("present")),
            *AbsenceReason.choices,
            (ABSENT_WITHOUT_REASON, _("absent without a reason")),
        ]
        self.members = list(members)
        for member in self.members:
            self.fields[f"{ROLL_CALL_PREFIX}{member.pk}"] = forms.ChoiceField(
                label=member.name, choices=marks, required=False
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        strangers = [
            key for key in self.data if key.startswith(ROLL_CALL_PREFIX) and key not in self.fields
        ]
        if strangers:
            raise forms.ValidationError(
                _("Someone marked absent is not on this meeting's roll; reload the page."),
                code="not_on_roll",
            )
        return cleaned

    def absences(self) -> dict[Member, str]:
        """Absentee → reason ("" for absent without a reason); call after ``is_valid()``."""
        found = {}
        for member in self.members:
            mark = self.cleaned_data.get(f"{ROLL_CALL_PREFIX}{member.pk}") or ""
            if mark:
                found[member] = "" if mark == ABSENT_WITHOUT_REASON else mark
        return found

    def rows(self) -> list[tuple[Member, forms.BoundField]]:
        return [(member, self[f"{ROLL_CALL_PREFIX}{member.pk}"]) for member in self.members]


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
