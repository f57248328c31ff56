"""Forms of the observation loop: the lesson's facts, the scores, the reply, the reading, the
deliberation and the closing of a follow-up. Points are checked by the services (one place for
the rule); the fields only shape the input for a phone."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm, choice_field, choices_of
from qingshan.evaluations.enums import FollowUpKind, FollowUpStatus
from qingshan.organization.models import Staff
from qingshan.teaching.enums import ReviewLevel
from qingshan.teaching.models import Observation, ResearchGroup, RubricItem
from qingshan.teaching.services.observations import LESSON_FIELDS


class LessonForm(SchoolModelForm):
    class Meta:
        model = Observation
        fields = LESSON_FIELDS

    def __init__(self, *args: Any, observer: Staff | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if observer is not None:
            choice_field(self, "teacher").queryset = choices_of(self, "teacher").exclude(
                pk=observer.pk
            )
        choice_field(self, "follow_up").queryset = (
            choices_of(self, "follow_up")
            .filter(kind=FollowUpKind.SHADOWING, status=FollowUpStatus.OPEN)
            .select_related("target__staff")
        )
        for name in ("first_period", "periods"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 1, "max": 8})


def item_field_name(item: RubricItem) -> str:
    return f"item-{item.pk}"


class ScoreForm(forms.Form):
    """One field per rubric item (empty while not scored), strengths and suggestions."""

    strengths = forms.CharField(
        label=_("strengths"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    suggestions = forms.CharField(
        label=_("suggestions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, items: list[RubricItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[item_field_name(item)] = forms.CharField(
                label=item.text,
                required=False,
                max_length=8,
                widget=forms.NumberInput(
                    attrs={
                        "min": 0,
                        "max": item.max_points,
                        "step": "0.1",
                        "inputmode": "decimal",
                        "class": "points",
                    }
                ),
            )

    def points(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data.get(item_field_name(item), "") for item in self.items}

    def groups(self) -> list[tuple[str, list[tuple[RubricItem, forms.BoundField]]]]:
        """The item fields grouped as the rubric groups them, in its order."""
        grouped: dict[str, list[tuple[RubricItem, forms.BoundField]]] = {}
        for item in self.items:
            grouped.setdefault(item.group, []).append((item, self[item_field_name(item)]))
        return list(grouped.items())


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("your reply"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(forms.Form):
    review_level = forms.ChoiceField(label=_("level given"), choices=ReviewLevel.choices)
    review_note = forms.CharField(label=_("remark"), max_length=200, required=False)


class LessonMatesField(forms.ModelMultipleChoiceField[Observation]):
    def label_from_instance(self, obj: Observation) -> str:
        return f"{obj.observer}（{obj.total}）"


class DeliberationForm(forms.Form):
    observations = LessonMatesField(
        label=_("observations of the lesson"),
        queryset=Observation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    held_on = forms.DateField(label=_("held on"), widget=DATE_WIDGET)
    group = forms.ModelChoiceField(
        label=_("teaching-research group"), queryset=ResearchGroup.objects.none(), required=False
    )
    conclusion = forms.CharField(
        label=_("conclusion"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args: Any,
        mates: QuerySet[Observation],
        groups: QuerySet[ResearchGroup],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        observations = self.fields["observations"]
        assert isinstance(observations, forms.ModelMultipleChoiceField)
        observations.queryset = mates
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        group.queryset = groups


class CloseWithObservationsForm(forms.Form):
    closed_on = forms.DateField(label=_("closed on"), widget=DATE_WIDGET)
    outcome = forms.CharField(
        label=_("outcome"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
