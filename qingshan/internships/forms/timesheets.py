"""Forms of the student's days and journal, the unit supervisor's confirmation and the school
supervisor's review."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET
from qingshan.internships.enums import Criterion

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
SCORES = [("", "—"), *((str(score), str(score)) for score in range(5, 0, -1))]


class DayForm(forms.Form):
    day = forms.DateField(label=_("day"), widget=DATE_WIDGET)
    starts_at = forms.TimeField(label=_("started at"), widget=TIME)
    break_minutes = forms.IntegerField(
        label=_("break (minutes)"), min_value=0, max_value=720, initial=60
    )
    ends_at = forms.TimeField(label=_("ended at"), widget=TIME)
    note = forms.CharField(label=_("note"), required=False, max_length=200)


class JournalForm(forms.Form):
    journal = forms.CharField(
        label=_("weekly journal"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_("What you did and learned this week, and what you want to ask."),
    )


class ConfirmForm(forms.Form):
    confirmed_by = forms.CharField(label=_("your name"), max_length=40)
    comment = forms.CharField(
        label=_("comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for criterion in Criterion:
            self.fields[criterion.value] = forms.TypedChoiceField(
                label=criterion.label, choices=SCORES, coerce=int, empty_value=None, required=False
            )

    def ratings(self) -> dict[str, int | None]:
        return {criterion: self.cleaned_data.get(criterion) for criterion in Criterion.values}


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("comment to the student"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
