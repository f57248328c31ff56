from __future__ import annotations

from qingshan.core.filters import SchoolFilterSet
from qingshan.party.models import Meeting, Member, MentoringPair, PartyGroup


class MemberFilter(SchoolFilterSet):
    search_fields = ("name", "phone")

    class Meta:
        model = Member
        fields = ["group", "status", "category"]


class PartyGroupFilter(SchoolFilterSet):
    class Meta:
        model = PartyGroup
        fields = ["kind"]


class MeetingFilter(SchoolFilterSet):
    search_fields = ("topic", "content")

    class Meta:
        model = Meeting
        fields = ["kind", "group"]


class MentoringPairFilter(SchoolFilterSet):
    search_fields = ("mentor__name", "goal")

    class Meta:
        model = MentoringPair
        fields = ["kind", "outcome"]
