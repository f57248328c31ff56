"""The records of students' paths (docs/students.md)."""

from qingshan.students.models.changes import CreditTransfer, RollChange
from qingshan.students.models.choices import ChoiceOffer, ChoiceRequest, ChoiceWindow
from qingshan.students.models.enrolments import Enrolment, RollNumber
from qingshan.students.models.policy import ChangeRule
from qingshan.students.models.textbooks import Textbook, TextbookUse

__all__ = [
    "ChangeRule",
    "ChoiceOffer",
    "ChoiceRequest",
    "ChoiceWindow",
    "CreditTransfer",
    "Enrolment",
    "RollChange",
    "RollNumber",
    "Textbook",
    "TextbookUse",
]
