"""Forms of the work system. They validate input; the services decide."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import (
    DATE_WIDGET,
    SchoolModelForm,
    choice_field,
    choices_of,
    typed_choice_field,
)
from qingshan.core.models import School
from qingshan.organization.models import Department, GradeTeam, Staff, Term
from qingshan.workplans.models import (
    DecisionMeeting,
    GridCell,
    GridException,
    Leave,
    Place,
    PlanItem,
    TimeSlot,
    WorkLine,
    WorkSettings,
)

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class WorkSettingsForm(SchoolModelForm):
    class Meta:
        model = WorkSettings
        fields = [
            "plan_due_day",
            "weekly_due_weekday",
            "min_items_per_line",
            "lag_points",
            "remind_by_email",
        ]


class ServedItemChoice(forms.ModelChoiceField[PlanItem]):
    """An item of the other line, labelled with its line and its unit."""

    def label_from_instance(self, obj: PlanItem) -> str:
        return f"[{obj.get_line_display()}] {obj.title} ({obj.plan.unit_name})"


class PlanItemForm(SchoolModelForm):
    """Add or change an item; ``serves`` offers items of the other line in the same month."""

    class Meta:
        model = PlanItem
        fields = ["line", "title", "owner", "due_on", "serves", "outcome"]
        field_classes = {"serves": ServedItemChoice}
        widgets = {"outcome": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, school=plan.school, **kwargs)
        self.plan = plan
        choice_field(self, "serves").queryset = (
            PlanItem.objects.for_school(plan.school)
            .active()
            .filter(plan__month=plan.month)
            .exclude(pk=self.instance.pk)
            .select_related("plan__department")
        )
        if self.instance.pk is None:
            del self.fields["outcome"]


class ItemDoneForm(forms.Form):
    done_on = forms.DateField(label=_("implemented on"), widget=DATE_WIDGET)
    evidence = forms.CharField(
        label=_("evidence of implementation"), widget=forms.Textarea(attrs={"rows": 2})
    )
    outcome = forms.CharField(
        label=_("outcome"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"done_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class SummaryForm(forms.Form):
    text = forms.CharField(
        label=_("what went well, what did not, and what comes next"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class PlanOpenForm(forms.Form):
    """Which unit and month to open a plan for (the units the user files for)."""

    unit = forms.ChoiceField(label=_("unit"))
    month = forms.CharField(
        label=_("month"), widget=forms.DateInput(attrs={"type": "month"}), max_length=7
    )

    def __init__(self, *args: Any, units: list[Department | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units = {("branch" if unit is None else str(unit.pk)): unit for unit in units}
        typed_choice_field(self, "unit").choices = [
            (key, unit.name if unit is not None else _("party branch"))
            for key, unit in self.units.items()
        ]

    def clean_month(self) -> Any:
        value = self.cleaned_data["month"]
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(_("Give the month as YYYY-MM.")) from None

    def clean_unit(self) -> Any:
        return self.units[self.cleaned_data["unit"]]


class WeeklyStatusForm(forms.Form):
    unit = forms.ChoiceField(label=_("unit"))
    week_start = forms.DateField(label=_("week beginning (Monday)"), widget=DATE_WIDGET)
    text = forms.CharField(label=_("status of the week"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, units: list[Department | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units = {("branch" if unit is None else str(unit.pk)): unit for unit in units}
        typed_choice_field(self, "unit").choices = [
            (key, unit.name if unit is not None else _("party branch"))
            for key, unit in self.units.items()
        ]

    def clean_unit(self) -> Any:
        return self.units[self.cleaned_data["unit"]]


class DecisionMeetingForm(SchoolModelForm):
    class Meta:
        model = DecisionMeeting
        fields = ["held_on", "title", "attendees", "minutes"]


class DecisionForm(forms.Form):
    title = forms.CharField(label=_("decision"), max_length=200)
    text = forms.CharField(
        label=_("details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    deadline = forms.DateField(label=_("deadline"), widget=DATE_WIDGET)


class DepartmentTaskForm(forms.Form):
    department = forms.ModelChoiceField(label=_("department"), queryset=Department.objects.none())
    title = forms.CharField(label=_("task"), max_length=200)
    deadline = forms.DateField(label=_("deadline"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "department").queryset = Department.objects.for_school(school).active()


class HandDownForm(forms.Form):
    title = forms.CharField(label=_("task"), max_length=200)
    grade_team = forms.ModelChoiceField(
        label=_("grade team"), queryset=GradeTeam.objects.none(), required=False
    )
    owner = forms.ModelChoiceField(
        label=_("responsible person"), queryset=Staff.objects.none(), required=False
    )
    deadline = forms.DateField(label=_("deadline"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "grade_team").queryset = GradeTeam.objects.for_school(school).active()
        choice_field(self, "owner").queryset = Staff.objects.for_school(school).filter(
            left_on__isnull=True
        )


class TaskDoneForm(forms.Form):
    done_on = forms.DateField(label=_("done on"), widget=DATE_WIDGET)
    evidence = forms.CharField(label=_("evidence"), widget=forms.Textarea(attrs={"rows": 2}))


class TaskExplainForm(forms.Form):
    explanation = forms.CharField(label=_("explanation"), widget=forms.Textarea(attrs={"rows": 2}))


class CloseDecisionForm(forms.Form):
    note = forms.CharField(
        label=_("closing note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class WorkLineForm(SchoolModelForm):
    class Meta:
        model = WorkLine
        fields = ["name", "covers_every_place", "sort_order"]


class PlaceForm(SchoolModelForm):
    class Meta:
        model = Place
        fields = ["name", "kind", "sort_order"]


class TimeSlotForm(SchoolModelForm):
    class Meta:
        model = TimeSlot
        fields = ["term", "weekday", "starts_at", "ends_at", "label", "lines"]
        widgets = {"starts_at": TIME_WIDGET, "ends_at": TIME_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "lines").queryset = WorkLine.objects.for_school(self.school).active()


class GridCellForm(SchoolModelForm):
    class Meta:
        model = GridCell
        fields = ["term", "line", "place", "slot", "person", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "slot").queryset = choices_of(self, "slot").select_related("term")


class GridExceptionForm(SchoolModelForm):
    class Meta:
        model = GridException
        fields = ["term", "date", "cell", "substitute", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "cell").queryset = choices_of(self, "cell").select_related(
            "line", "place", "slot"
        )


class LeaveForm(SchoolModelForm):
    class Meta:
        model = Leave
        fields = ["person", "starts_on", "ends_on", "reason"]


class GridCopyForm(forms.Form):
    source = forms.ModelChoiceField(label=_("copy from the term"), queryset=Term.objects.none())
    keep_people = forms.BooleanField(
        label=_("keep the people on post"), required=False, initial=True
    )

    def __init__(self, *args: Any, school: School, target: Term, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "source").queryset = (
            Term.objects.for_school(school).exclude(pk=target.pk).order_by("-start_date")
        )
