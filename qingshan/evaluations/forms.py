"""Forms of the campaign pages, and the rating form built from an instrument's questions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Self

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm
from qingshan.evaluations.enums import FollowUpKind, QuestionKind
from qingshan.evaluations.models import Campaign, Instrument, Question
from qingshan.evaluations.selectors.rating import instrument_version, questions_of
from qingshan.evaluations.services.ratings import MAX_TEXT

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


class ResultsFilterForm(forms.Form):
    """How the campaign's results list is ordered and filtered (a GET form; every field may be
    left out). Departments and subjects are those of the campaign's rated staff."""

    order = forms.ChoiceField(
        label=_("order"),
        required=False,
        choices=[("name", _("by name")), ("score", _("ranked by mean score"))],
    )
    department = forms.TypedChoiceField(
        label=_("department"), required=False, coerce=int, empty_value=None
    )
    subject = forms.ChoiceField(label=_("main subject"), required=False)
    below_bar = forms.BooleanField(label=_("below the bar only"), required=False)

    def __init__(self, *args: Any, departments: Any = (), subjects: Any = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        everyone = [("", _("all"))]
        department_field = self.fields["department"]
        assert isinstance(department_field, forms.TypedChoiceField)
        department_field.choices = everyone + [(str(unit.pk), unit.name) for unit in departments]
        subject_field = self.fields["subject"]
        assert isinstance(subject_field, forms.ChoiceField)
        subject_field.choices = everyone + [(subject, subject) for subject in subjects]


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


# --- the rating form ---------------------------------------------------------------------------


class _Answer:
    """The answer to one question: a refusal names the question, in the language of the request
    that is validated (the field is built once per instrument and shared by every request)."""

    question: Question
    invalid_message = ""

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        # A form copies its class's fields for itself; these are shared by every form of the
        # instrument (``rating_form_for``) and nothing changes them, so the copy is this field.
        return self

    def refusal(self, error: ValidationError) -> str:
        text = self.question.localized_text
        code = getattr(error, "code", None) or next(
            (item.code for item in error.error_list if item.code), None
        )
        if code == "required":
            return gettext("“%(question)s” needs an answer.") % {"question": text}
        if code in ("invalid_choice", "invalid_list"):
            return gettext(self.invalid_message) % {"question": text}
        if code == "max_length":
            return gettext("“%(question)s”: at most %(count)d characters.") % {
                "question": text,
                "count": MAX_TEXT,
            }
        return gettext("“%(question)s”: %(problem)s") % {
            "question": text,
            "problem": " ".join(error.messages),
        }

    def clean(self, value: Any) -> Any:
        try:
            return super().clean(value)  # type: ignore[misc]
        except ValidationError as error:
            raise ValidationError(self.refusal(error), code="answer") from None


class ScaleAnswer(_Answer, forms.TypedChoiceField):
    """A score on the question's scale (1..scale_max)."""

    invalid_message = gettext_noop("“%(question)s”: choose one of the answers.")


class SingleAnswer(_Answer, forms.TypedChoiceField):
    """One of the question's options, by its index."""

    invalid_message = gettext_noop("“%(question)s”: choose one of the answers.")


class MultipleAnswer(_Answer, forms.TypedMultipleChoiceField):
    """Some of the question's options, by their indexes."""

    invalid_message = gettext_noop("“%(question)s”: choose among the options.")


class FreeTextAnswer(_Answer, forms.CharField):
    """Free text, at most ``MAX_TEXT`` characters."""


def _answer_field(question: Question) -> forms.Field:
    choices = [(str(value), str(value)) for value in question.values]
    field: forms.Field
    if question.kind == QuestionKind.SCALE:
        field = ScaleAnswer(
            choices=choices, coerce=int, empty_value=None, required=question.required
        )
    elif question.kind == QuestionKind.SINGLE:
        field = SingleAnswer(
            choices=choices, coerce=int, empty_value=None, required=question.required
        )
    elif question.kind == QuestionKind.MULTIPLE:
        field = MultipleAnswer(choices=choices, coerce=int, required=question.required)
    else:
        # Free text is never compulsory: nobody is made to put their view in their own words.
        field = FreeTextAnswer(required=False, max_length=MAX_TEXT)
    field.question = question
    return field


@dataclass(frozen=True)
class RatingAnswers:
    """Cleaned answers by question id: a score per scale question, the chosen options (sorted,
    once each) per choice question, the text per free-text question; unanswered ones left out."""

    scores: dict[int, int]
    choices: dict[int, tuple[int, ...]]
    texts: dict[int, str]


class RatingForm(forms.Form):
    """The answers to an instrument's questions, one field ``q<id>`` per question (see
    ``rating_form_for``): scores within the scale, a single choice among the question's options,
    a multiple choice among them, free text of at most ``MAX_TEXT`` characters, and an answer to
    every required scale and choice question."""

    questions: tuple[Question, ...] = ()

    @property
    def rows(self) -> list[tuple[Question, forms.BoundField]]:
        """Each question with its bound field, in the instrument's order."""
        return [(question, self[question.field_name]) for question in self.questions]

    @property
    def problems(self) -> list[str]:
        """Every refusal: those of the whole form, then those of each question in order."""
        found = [str(error) for error in self.non_field_errors()]
        for question in self.questions:
            found += [str(error) for error in self.errors.get(question.field_name, [])]
        return found

    def answers(self) -> RatingAnswers:
        """The cleaned answers (call after ``is_valid()``)."""
        scores: dict[int, int] = {}
        choices: dict[int, tuple[int, ...]] = {}
        texts: dict[int, str] = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.field_name)
            if value is None or value == "" or value == []:
                continue
            if question.kind == QuestionKind.SCALE:
                scores[question.pk] = value
            elif question.kind == QuestionKind.SINGLE:
                choices[question.pk] = (value,)
            elif question.kind == QuestionKind.MULTIPLE:
                choices[question.pk] = tuple(sorted(set(value)))
            else:
                texts[question.pk] = value
        return RatingAnswers(scores=scores, choices=choices, texts=texts)


_FORMS: dict[tuple[Any, ...], type[RatingForm]] = {}


def rating_form_for(instrument: Instrument) -> type[RatingForm]:
    """The rating form class of the instrument, built once per process for each version of the
    instrument (its questions are frozen while it is rated, see ``selectors.rating.questions_of``)."""
    key = instrument_version(instrument)
    found = _FORMS.get(key)
    if found is None:
        if len(_FORMS) > 200:
            _FORMS.clear()
        questions = tuple(questions_of(instrument))
        attributes: dict[str, Any] = {
            question.field_name: _answer_field(question) for question in questions
        }
        attributes["questions"] = questions
        found = _FORMS[key] = type("InstrumentRatingForm", (RatingForm,), attributes)
    return found
