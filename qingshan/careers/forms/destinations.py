"""Forms of destinations, follow-ups and the follow-up a graduate answers on a phone."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.careers.enums import DestinationKind, Region, Sector
from qingshan.careers.models import Destination, FollowUp, FollowUpPoint
from qingshan.core.forms import SchoolModelForm, choice_field
from qingshan.organization.models import Student

ANSWER_FIELDS = [
    "kind",
    "employer",
    "region",
    "sector",
    "matches_major",
    "labour_contract",
    "social_insurance",
    "salary",
]


def graduates_only(form: SchoolModelForm, name: str = "student") -> None:
    """Offer only the school's graduates (students whose graduation was carried out)."""
    field = choice_field(form, name)
    field.queryset = (
        Student.objects.for_school(form.school)
        .filter(roll_changes__kind="graduate", roll_changes__status="done")
        .distinct()
        .order_by("name")
    )


class DestinationForm(SchoolModelForm):
    class Meta:
        model = Destination
        fields = [
            "student",
            "kind",
            "employer",
            "enterprise",
            "region",
            "sector",
            "matches_major",
            "labour_contract",
            "social_insurance",
            "channel",
            "order_class",
            "starting_salary",
            "salary",
            "recorded_on",
            "note",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["student"].disabled = True
        else:
            graduates_only(self)


class FollowUpPointForm(SchoolModelForm):
    class Meta:
        model = FollowUpPoint
        fields = ["months", "link_days"]


class PhoneAnswerForm(SchoolModelForm):
    """What a graduate said on the phone."""

    class Meta:
        model = FollowUp
        fields = [*ANSWER_FIELDS, "enterprise", "still_with_employer", "answered_on", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = True
        self.fields["answered_on"].required = True


YES_NO = [("", _("not sure")), ("true", _("yes")), ("false", _("no"))]


def _yes_no(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        required=False,
        coerce=lambda value: value == "true",
        empty_value=None,
        widget=forms.RadioSelect,
    )


class GraduateAnswerForm(forms.Form):
    """The graduate's own answer through a one-time link: large choices, few words, no account."""

    kind = forms.ChoiceField(
        label=_("What are you doing now?"),
        choices=DestinationKind.choices,
        widget=forms.RadioSelect,
    )
    employer = forms.CharField(
        label=_("Employer, or the school you study at"), max_length=120, required=False
    )
    region = forms.ChoiceField(
        label=_("Where is it?"), choices=[("", "—"), *Region.choices], required=False
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", "—"), *Sector.choices], required=False
    )
    matches_major = _yes_no(_("Does the work match what you studied?"))
    labour_contract = _yes_no(_("Have you signed a labour contract?"))
    social_insurance = _yes_no(_("Does the employer pay your social insurance?"))
    still_with_employer = _yes_no(_("Are you still with your first employer?"))
    salary = forms.IntegerField(
        label=_("Monthly pay (yuan)"),
        min_value=0,
        max_value=200_000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    consents = forms.BooleanField(
        label=_("The school may list me among its alumni (you can withdraw this at any time)."),
        required=False,
    )

    def answer(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("consents", None)
        return data
