"""The records of internships (docs/internships.md)."""

from qingshan.internships.models.placements import Finding, Placement, RuleException, Visit
from qingshan.internships.models.timesheets import Day, Week
from qingshan.internships.models.units import Production, Unit, Works

__all__ = [
    "Day",
    "Finding",
    "Placement",
    "Production",
    "RuleException",
    "Unit",
    "Visit",
    "Week",
    "Works",
]
