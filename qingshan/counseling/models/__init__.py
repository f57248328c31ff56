"""The records of counseling (docs/counseling.md)."""

from qingshan.counseling.models.cases import (
    Case,
    CaseRead,
    CrisisAction,
    HospitalReferral,
    Session,
)
from qingshan.counseling.models.compliance import Incident, Purge
from qingshan.counseling.models.scales import Factor, Item, Scale, Threshold
from qingshan.counseling.models.screening import Alert, Campaign, Sheet

__all__ = [
    "Alert",
    "Campaign",
    "Case",
    "CaseRead",
    "CrisisAction",
    "Factor",
    "HospitalReferral",
    "Incident",
    "Item",
    "Purge",
    "Scale",
    "Session",
    "Sheet",
    "Threshold",
]
