"""Forms of scales, campaigns, answer sheets and alert follow-ups."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm
from qingshan.counseling.enums import FollowUp, Grade
from qingshan.counseling.instruments import SHAPES
from qingshan.counseling.models import Campaign, Scale
from qingshan.organization.models import SchoolClass


class CampaignForm(SchoolModelForm):
    class Meta:
        model = Campaign
        fields = [
            "name",
            "scale",
            "opens_on",
            "closes_on",
            "classes",
            "counselor",
            "red_interview_days",
            "orange_interview_days",
        ]

    def __init__(self, *args: Any, school: Any, **kwargs: Any) -> None:
        super().__init__(*args, school=school, **kwargs)
        classes = self.fields["classes"]
        assert isinstance(classes, forms.ModelMultipleChoiceField)
        classes.queryset = SchoolClass.objects.for_school(school).active()
        classes.required = False
        classes.widget = forms.CheckboxSelectMultiple()
        classes.widget.choices = classes.choices


class InstallForm(forms.Form):
    code = forms.ChoiceField(
        label=_("scale structure"),
        choices=[(code, shape.name) for code, shape in SHAPES.items()],
    )


class ScaleForm(SchoolModelForm):
    class Meta:
        model = Scale
        fields = [
            "name",
            "description",
            "option_labels",
            "scoring",
            "age_min",
            "age_max",
        ]
        widgets = {"option_labels": forms.Textarea(attrs={"rows": 5})}


class ItemTextsForm(forms.Form):
    """One text field per item of a scale."""

    def __init__(self, *args: Any, scale: Scale, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in scale.items.order_by("number"):
            self.fields[f"item_{item.number}"] = forms.CharField(
                label=f"{item.number}.",
                required=False,
                max_length=200,
                initial=item.text,
            )

    def texts(self) -> dict[int, str]:
        return {int(name.removeprefix("item_")): value for name, value in self.cleaned_data.items()}


class ThresholdForm(forms.Form):
    factor = forms.ChoiceField(label=_("factor"))
    grade = forms.TypedChoiceField(
        label=pgettext_lazy("counseling", "grade"), choices=Grade.choices, coerce=int
    )
    at_least = forms.DecimalField(
        label=_("score at least"), max_digits=7, decimal_places=2, min_value=0
    )

    def __init__(self, *args: Any, scale: Scale, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scale = scale
        factor = self.fields["factor"]
        assert isinstance(factor, forms.ChoiceField)
        factor.choices = [("", _("total score"))] + [
            (str(row.pk), row.name) for row in scale.factors.all()
        ]


class AnswerForm(forms.Form):
    """A radio row per item of the campaign's scale, and the student's agreement."""

    consent = forms.BooleanField(
        label=_(
            "I know that my answers are read only by the school's counselors, and I agree to "
            "answer."
        ),
    )

    def __init__(self, *args: Any, scale: Scale, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = scale.labels()
        choices = [
            (str(answer), label)
            for answer, label in zip(
                range(scale.option_min, scale.option_max + 1), labels, strict=True
            )
        ]
        for item in scale.items.order_by("number"):
            self.fields[f"item_{item.number}"] = forms.TypedChoiceField(
                label=f"{item.number}. {item.text}",
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Answer this item.")},
            )
        self.order_fields([*(name for name in self.fields if name != "consent"), "consent"])

    def answers(self) -> dict[int, int]:
        return {
            int(name.removeprefix("item_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("item_")
        }


class FollowUpForm(forms.Form):
    interviewed_on = forms.DateField(label=_("interviewed on"), widget=DATE_WIDGET)
    outcome = forms.ChoiceField(
        label=_("outcome"), choices=[c for c in FollowUp.choices if c[0] != FollowUp.CASE]
    )


class LinksForm(forms.Form):
    school_class = forms.ModelChoiceField(
        label=_("class"), queryset=SchoolClass.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["school_class"]
        assert isinstance(field, forms.ModelChoiceField)
        chosen = campaign.classes.all()
        field.queryset = (
            chosen if chosen.exists() else SchoolClass.objects.for_school(campaign.school)
        ).order_by("-entry_year", "name")
