from qingshan.core import audit
from qingshan.party import models

for model in (
    models.Branch,
    models.PartyGroup,
    models.Member,
    models.CommitteeSeat,
    models.MembershipEvent,
    models.Recruit,
    models.RecruitmentStep,
    models.StepDocument,
    models.RecruitEvent,
    models.CultivationRecord,
    models.MentoringPair,
    models.MentoringLog,
    models.Meeting,
    models.Attendance,
    models.AppraisalRound,
    models.AppraisalEntry,
    models.DuesBase,
    models.DuesPayment,
):
    audit.register(model)
