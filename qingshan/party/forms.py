"""Forms of the party pages; every choice of a record is limited to the school's (SchoolModelForm)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import DATE_WIDGET, SchoolModelForm, choice_field, typed_choice_field
from qingshan.core.models import School
from qingshan.core.uploads import check_upload
from qingshan.party.enums import ACTIVE_MEMBER_STATUSES, CommitteeDuty, MemberStatus
from qingshan.party.models import Branch, Meeting, Member, MentoringPair, PartyGroup


class BranchForm(SchoolModelForm):
    class Meta:
        model = Branch
        fields = [
            "name",
            "founded_on",
            "higher_committee",
            "members_meeting_months",
            "committee_meeting_months",
            "group_meeting_months",
            "party_lesson_months",
            "study_weekday",
            "study_time",
            "require_thought_reports",
            "require_half_yearly_assessment",
            "resubmission_wait_months",
            "league_recommendation_max_age",
        ]
        widgets = {"study_time": forms.TimeInput(attrs={"type": "time"})}


class PartyGroupForm(SchoolModelForm):
    class Meta:
        model = PartyGroup
        fields = ["name", "kind", "leader", "sort_order"]


class MemberForm(SchoolModelForm):
    class Meta:
        model = Member
        fields = [
            "name",
            "gender",
            "birth_date",
            "category",
            "staff",
            "student",
            "group",
            "status",
            "joined_on",
            "probation_ends_on",
            "full_on",
            "on_party_probation",
            "phone",
            "register_note",
        ]


class TransferInForm(MemberForm):
    date = forms.DateField(label=_("transferred in on"), widget=DATE_WIDGET)
    counterpart = forms.CharField(label=_("from the organisation"), max_length=120)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        typed_choice_field(self, "status").choices = [
            (value, label)
            for value, label in MemberStatus.choices
            if value in ACTIVE_MEMBER_STATUSES
        ]

    def values(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in super().values().items()
            if name not in ("date", "counterpart")
        }


class DepartureForm(forms.Form):
    date = forms.DateField(label=_("date"), widget=DATE_WIDGET)
    counterpart = forms.CharField(label=_("to the organisation"), max_length=120, required=False)
    note = forms.CharField(
        label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CommitteeSeatForm(forms.Form):
    member = forms.ModelChoiceField(label=_("member"), queryset=Member.objects.none())
    duty = forms.ChoiceField(label=_("duty"), choices=CommitteeDuty.choices)
    start_on = forms.DateField(label=_("from"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "member").queryset = Member.objects.for_school(school).filter(
            status=MemberStatus.FULL
        )


class MeetingForm(SchoolModelForm):
    class Meta:
        model = Meeting
        fields = [
            "kind",
            "group",
            "date",
            "start_time",
            "hours",
            "topic",
            "content",
            "moderator",
            "location",
            "minutes",
            "motion",
            "yes_votes",
            "no_votes",
            "abstentions",
            "attachment",
        ]
        widgets = {"start_time": forms.TimeInput(attrs={"type": "time"})}

    def clean_attachment(self) -> Any:
        return check_upload(self.cleaned_data.get("attachment"))


class MentoringPairForm(SchoolModelForm):
    class Meta:
        model = MentoringPair
        fields = [
            "mentor",
            "kind",
            "mentee_staff",
            "mentee_student",
            "mentee_recruit",
            "start_on",
            "goal",
        ]
