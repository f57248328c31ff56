"""The records of careers (docs/careers.md)."""

from qingshan.careers.models.alumni import (
    Alumnus,
    BranchActivity,
    BranchFeedback,
    BranchMember,
    LeagueBranch,
)
from qingshan.careers.models.destinations import Destination, FollowUp, FollowUpPoint
from qingshan.careers.models.enterprises import Agreement, Enterprise, OrderClass

__all__ = [
    "Agreement",
    "Alumnus",
    "BranchActivity",
    "BranchFeedback",
    "BranchMember",
    "Destination",
    "Enterprise",
    "FollowUp",
    "FollowUpPoint",
    "LeagueBranch",
    "OrderClass",
]
