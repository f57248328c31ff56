"""Forms of the alumni list and the League branches of graduates."""

from __future__ import annotations

from typing import Any

from qingshan.careers.forms.destinations import graduates_only
from qingshan.careers.models import (
    Alumnus,
    BranchActivity,
    BranchFeedback,
    BranchMember,
    LeagueBranch,
)
from qingshan.core.forms import SchoolModelForm


class AlumnusForm(SchoolModelForm):
    class Meta:
        model = Alumnus
        fields = ["student", "consented_on", "city", "occupation", "phone", "notable", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["student"].disabled = True
        else:
            graduates_only(self)


class LeagueBranchForm(SchoolModelForm):
    class Meta:
        model = LeagueBranch
        fields = ["name", "region", "founded_on", "secretary", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        graduates_only(self, "secretary")
        self.fields["secretary"].required = False


class BranchMemberForm(SchoolModelForm):
    class Meta:
        model = BranchMember
        fields = ["branch", "student", "joined_on", "left_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        graduates_only(self)


class BranchActivityForm(SchoolModelForm):
    class Meta:
        model = BranchActivity
        fields = ["branch", "held_on", "title", "attendance", "note"]


class BranchFeedbackForm(SchoolModelForm):
    class Meta:
        model = BranchFeedback
        fields = [
            "branch",
            "received_on",
            "topic",
            "summary",
            "reported_wage",
            "agreement",
            "response",
        ]
