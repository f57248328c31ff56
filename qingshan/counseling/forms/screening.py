"""Forms of scales, campaigns, answer sheets and alert follow-ups."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm
from qingshan.counseling.enums import FollowUp, Grade, Scoring
from qingshan.counseling.instruments import SHAPES, ItemShape, ScaleShape
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


FACTORS_HELP = _("One per line: code | name, e.g. “F1 | 情绪”.")
ITEMS_HELP = _(
    "One per line: number | factor code | text, with “| R” at the end for an item scored in "
    "reverse; a validity item names the answers that keep the sheet valid instead of a factor: "
    "“5 | =1 | 这一题请选择‘从不’”."
)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|")]


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


class NewScaleForm(forms.Form):
    """A scale the school enters itself: its header, factors and items (thresholds are set on
    the scale's page afterwards)."""

    code = forms.SlugField(
        label=pgettext_lazy("counseling", "code"), max_length=20, allow_unicode=False
    )
    name = forms.CharField(label=_("name"), max_length=80)
    description = forms.CharField(
        label=_("description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    option_min = forms.IntegerField(label=_("lowest answer"), min_value=0, max_value=9, initial=1)
    option_max = forms.IntegerField(label=_("highest answer"), min_value=1, max_value=10, initial=4)
    option_labels = forms.CharField(
        label=_("answer labels"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, from the lowest answer up."),
    )
    scoring = forms.ChoiceField(label=_("factor score"), choices=Scoring.choices)
    age_min = forms.IntegerField(
        label=_("meant from age"), required=False, min_value=5, max_value=99
    )
    age_max = forms.IntegerField(
        label=_("meant up to age"), required=False, min_value=5, max_value=99
    )
    factors = forms.CharField(
        label=_("factors"), widget=forms.Textarea(attrs={"rows": 4}), help_text=FACTORS_HELP
    )
    items = forms.CharField(
        label=pgettext_lazy("counseling", "items"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=ITEMS_HELP,
    )

    def clean_factors(self) -> list[tuple[str, str]]:
        found = []
        for number, line in _lines(self.cleaned_data["factors"]):
            cells = _cells(line)
            if len(cells) != 2 or not all(cells):
                raise forms.ValidationError(
                    _("Line %(line)s: write code | name.") % {"line": number}, code="factor_line"
                )
            found.append((cells[0][:20], cells[1][:40]))
        return found

    def clean_items(self) -> list[ItemShape]:
        found = []
        for number, line in _lines(self.cleaned_data["items"]):
            cells = _cells(line)
            reverse = len(cells) == 4 and cells[3].upper() == "R"
            if (
                len(cells) not in (3, 4)
                or not cells[0].isdigit()
                or (len(cells) == 4 and not reverse)
            ):
                raise forms.ValidationError(
                    _("Line %(line)s: write number | factor code | text (| R).") % {"line": number},
                    code="item_line",
                )
            valid: tuple[int, ...] = ()
            factor = cells[1]
            if factor.startswith("="):
                parts = [part.strip() for part in factor[1:].split(",")]
                if not parts or not all(part.isdigit() for part in parts):
                    raise forms.ValidationError(
                        _("Line %(line)s: a validity item names its answers as “=1” or “=1,2”.")
                        % {"line": number},
                        code="item_line",
                    )
                valid, factor = tuple(int(part) for part in parts), ""
            found.append(ItemShape(int(cells[0]), factor, cells[2][:200], reverse, valid))
        return found

    def shape(self) -> ScaleShape:
        data = self.cleaned_data
        labels = tuple(line.strip() for line in data["option_labels"].splitlines() if line.strip())
        return ScaleShape(
            code=data["code"],
            name=data["name"],
            option_min=data["option_min"],
            option_max=data["option_max"],
            scoring=Scoring(data["scoring"]),
            age_min=data["age_min"],
            age_max=data["age_max"],
            factors=tuple(data["factors"]),
            items=tuple(data["items"]),
            thresholds=(),
            description=data["description"],
            options=labels,
        )
