"""Forms of the campaign pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm
from qingshan.evaluations.enums import FollowUpKind, QuestionKind
from qingshan.evaluations.models import Campaign, Question

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CampaignForm(SchoolModelForm):
    class Meta:
        model = Campaign
        fields = ["instrument", "term", "name", "opens_at", "closes_at", "public_tokens"]
        widgets = {"opens_at": DATETIME_WIDGET, "closes_at": DATETIME_WIDGET}


def _parse_pairs(text: str) -> list[dict[str, str]]:
    """Lines "中文|English" → [{"zh": …, "en": …}]."""
    items = []
    for line in text.splitlines():
        if line.strip():
            zh, _sep, en = line.partition("|")
            items.append({"zh": zh.strip(), "en": (en or zh).strip()})
    return items


class QuestionForm(SchoolModelForm):
    labels_text = forms.CharField(
        label=_("scale labels"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, lowest first: 中文|English."),
    )
    options_text = forms.CharField(
        label=_("options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: 中文|English."),
    )

    class Meta:
        model = Question
        fields = ["order", "kind", "text", "text_en", "scale_max", "required", "visibility"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["labels_text"].initial = "\n".join(
                f"{i.get('zh', '')}|{i.get('en', '')}" for i in self.instance.labels
            )
            self.fields["options_text"].initial = "\n".join(
                f"{i.get('zh', '')}|{i.get('en', '')}" for i in self.instance.options
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["labels"] = _parse_pairs(data.get("labels_text", ""))
        data["options"] = _parse_pairs(data.get("options_text", ""))
        kind = data.get("kind")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(data["options"]) < 2:
            raise ValidationError(_("A choice question needs at least two options."))
        if (
            kind == QuestionKind.SCALE
            and data["labels"]
            and len(data["labels"]) != data.get("scale_max")
        ):
            raise ValidationError(_("Give one label for every score, or none."))
        return data

    def values(self) -> dict[str, Any]:
        values = super().values()
        values.pop("labels_text", None)
        values.pop("options_text", None)
        values["labels"] = self.cleaned_data["labels"]
        values["options"] = self.cleaned_data["options"]
        return values


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=FollowUpKind.choices)
    deadline = forms.DateField(label=_("deadline"), widget=DATE_WIDGET)
    plan = forms.CharField(
        label=_("what is to be done"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class FollowUpRecordForm(forms.Form):
    date = forms.DateField(label=_("date"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("what was done"), widget=forms.Textarea(attrs={"rows": 2}))
    attachment = forms.FileField(label=_("attachment"), required=False)


class FollowUpCloseForm(forms.Form):
    closed_on = forms.DateField(label=_("closed on"), widget=DATE_WIDGET)
    outcome = forms.CharField(label=_("outcome"), widget=forms.Textarea(attrs={"rows": 2}))
