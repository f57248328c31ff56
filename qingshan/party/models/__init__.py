from qingshan.party.models.appraisal import AppraisalEntry, AppraisalRound
from qingshan.party.models.dues import DuesBase, DuesPayment
from qingshan.party.models.meetings import Attendance, Meeting
from qingshan.party.models.mentoring import MentoringLog, MentoringPair
from qingshan.party.models.organisation import (
    Branch,
    CommitteeSeat,
    Member,
    MembershipEvent,
    PartyGroup,
)
from qingshan.party.models.recruitment import (
    CultivationRecord,
    Recruit,
    RecruitEvent,
    RecruitmentStep,
    StepDocument,
)

__all__ = [
    "AppraisalEntry",
    "AppraisalRound",
    "Attendance",
    "Branch",
    "CommitteeSeat",
    "CultivationRecord",
    "DuesBase",
    "DuesPayment",
    "Meeting",
    "Member",
    "MembershipEvent",
    "MentoringLog",
    "MentoringPair",
    "PartyGroup",
    "Recruit",
    "RecruitEvent",
    "RecruitmentStep",
    "StepDocument",
]
