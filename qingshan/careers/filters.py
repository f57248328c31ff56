"""List filters of careers' record pages."""

from __future__ import annotations

from qingshan.careers.models import (
    Agreement,
    Alumnus,
    BranchActivity,
    BranchFeedback,
    BranchMember,
    Destination,
    Enterprise,
    FollowUp,
    FollowUpPoint,
    LeagueBranch,
    OrderClass,
)
from qingshan.core.filters import SchoolFilterSet


class EnterpriseFilter(SchoolFilterSet):
    search_fields = ("name", "credit_code", "city")

    class Meta:
        model = Enterprise
        fields = ["sector", "size", "province"]


class AgreementFilter(SchoolFilterSet):
    search_fields = ("title", "enterprise__name")

    class Meta:
        model = Agreement
        fields = ["enterprise"]


class OrderClassFilter(SchoolFilterSet):
    search_fields = ("name", "enterprise__name")

    class Meta:
        model = OrderClass
        fields = ["enterprise"]


class DestinationFilter(SchoolFilterSet):
    search_fields = ("student__name", "student__student_no", "employer")

    class Meta:
        model = Destination
        fields = ["kind", "region", "channel", "matches_major"]


class FollowUpPointFilter(SchoolFilterSet):
    search_fields = ()

    class Meta:
        model = FollowUpPoint
        fields = ["months"]


class FollowUpFilter(SchoolFilterSet):
    search_fields = ("destination__student__name",)

    class Meta:
        model = FollowUp
        fields = ["months", "method"]


class AlumnusFilter(SchoolFilterSet):
    search_fields = ("student__name", "city", "occupation")

    class Meta:
        model = Alumnus
        fields = ["notable"]


class LeagueBranchFilter(SchoolFilterSet):
    search_fields = ("name", "region")

    class Meta:
        model = LeagueBranch
        fields = ["region"]


class BranchMemberFilter(SchoolFilterSet):
    search_fields = ("student__name",)

    class Meta:
        model = BranchMember
        fields = ["branch"]


class BranchActivityFilter(SchoolFilterSet):
    search_fields = ("title",)

    class Meta:
        model = BranchActivity
        fields = ["branch"]


class BranchFeedbackFilter(SchoolFilterSet):
    search_fields = ("summary", "response")

    class Meta:
        model = BranchFeedback
        fields = ["branch", "topic"]
