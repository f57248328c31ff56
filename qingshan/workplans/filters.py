from __future__ import annotations

from qingshan.core.filters import SchoolFilterSet
from qingshan.workplans.models import (
    DecisionMeeting,
    GridCell,
    GridException,
    Leave,
    Place,
    TimeSlot,
    WeeklyStatus,
    WorkLine,
)


class WeeklyStatusFilter(SchoolFilterSet):
    search_fields = ("text",)

    class Meta:
        model = WeeklyStatus
        fields = ["department"]


class DecisionMeetingFilter(SchoolFilterSet):
    search_fields = ("title", "minutes")

    class Meta:
        model = DecisionMeeting
        fields: list[str] = []


class WorkLineFilter(SchoolFilterSet):
    search_fields = ("name",)

    class Meta:
        model = WorkLine
        fields = ["covers_every_place"]


class PlaceFilter(SchoolFilterSet):
    search_fields = ("name",)

    class Meta:
        model = Place
        fields = ["kind"]


class TimeSlotFilter(SchoolFilterSet):
    search_fields = ("label",)

    class Meta:
        model = TimeSlot
        fields = ["term", "weekday"]


class GridCellFilter(SchoolFilterSet):
    search_fields = ("person__name", "note")

    class Meta:
        model = GridCell
        fields = ["term", "line", "place"]


class GridExceptionFilter(SchoolFilterSet):
    search_fields = ("note",)

    class Meta:
        model = GridException
        fields = ["term"]


class LeaveFilter(SchoolFilterSet):
    search_fields = ("person__name", "reason")

    class Meta:
        model = Leave
        fields = ["person"]
