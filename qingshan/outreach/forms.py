"""Forms of the outreach pages; every choice of a record is the school's (SchoolModelForm)."""

from __future__ import annotations

from qingshan.core.forms import SchoolModelForm
from qingshan.outreach.models import (
    Handout,
    Household,
    HouseholdVisit,
    PracticalThing,
    ScienceBase,
    TechProblem,
    Visit,
)


class VisitForm(SchoolModelForm):
    class Meta:
        model = Visit
        fields = ["date", "township", "village", "team", "topic", "note"]


class HandoutForm(SchoolModelForm):
    class Meta:
        model = Handout
        fields = ["visit", "kind", "title", "count"]


class TechProblemForm(SchoolModelForm):
    class Meta:
        model = TechProblem
        fields = [
            "visit",
            "raised_on",
            "township",
            "village",
            "field",
            "description",
            "solution",
            "solved_on",
            "verified_by",
            "verified_on",
        ]


class PracticalThingForm(SchoolModelForm):
    class Meta:
        model = PracticalThing
        fields = ["visit", "date", "township", "village", "description", "beneficiaries"]


class ScienceBaseForm(SchoolModelForm):
    class Meta:
        model = ScienceBase
        fields = ["name", "township", "host", "since", "until", "activities"]


class HouseholdForm(SchoolModelForm):
    class Meta:
        model = Household
        fields = [
            "head",
            "township",
            "village",
            "specialty",
            "is_demonstration",
            "demonstration_since",
        ]


class HouseholdVisitForm(SchoolModelForm):
    class Meta:
        model = HouseholdVisit
        fields = ["visit", "household", "help_given"]
