from qingshan.core import audit
from qingshan.workplans import models

for model in (
    models.WorkSettings,
    models.MonthlyPlan,
    models.PlanItem,
    models.WeeklyStatus,
    models.DecisionMeeting,
    models.Decision,
    models.Task,
    models.WorkLine,
    models.Place,
    models.TimeSlot,
    models.GridCell,
    models.GridException,
    models.Leave,
):
    audit.register(model)
