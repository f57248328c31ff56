from qingshan.evaluations.models.answers import ChoiceCount, ScaleCount, SealedBallot, TextAnswer
from qingshan.evaluations.models.campaigns import (
    Campaign,
    CampaignTransition,
    RaterToken,
    RatingDue,
    Target,
)
from qingshan.evaluations.models.followups import FollowUp, FollowUpRecord
from qingshan.evaluations.models.instruments import Instrument, Question
from qingshan.evaluations.models.slips import SlipBatch

__all__ = [
    "Campaign",
    "CampaignTransition",
    "ChoiceCount",
    "FollowUp",
    "FollowUpRecord",
    "Instrument",
    "Question",
    "RaterToken",
    "RatingDue",
    "ScaleCount",
    "SealedBallot",
    "SlipBatch",
    "Target",
    "TextAnswer",
]
