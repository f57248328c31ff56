from qingshan.workplans.models.cycle import (
    MonthlyPlan,
    PlanItem,
    Reminder,
    WeeklyStatus,
    WorkSettings,
)
from qingshan.workplans.models.decisions import Decision, DecisionMeeting, Task
from qingshan.workplans.models.grid import (
    GridCell,
    GridException,
    Leave,
    Place,
    TimeSlot,
    WorkLine,
)

__all__ = [
    "Decision",
    "DecisionMeeting",
    "GridCell",
    "GridException",
    "Leave",
    "MonthlyPlan",
    "Place",
    "PlanItem",
    "Reminder",
    "Task",
    "TimeSlot",
    "WeeklyStatus",
    "WorkLine",
    "WorkSettings",
]
