"""The teacher-development records (docs/teaching.md)."""

from qingshan.teaching.models.lessons import LessonEvent
from qingshan.teaching.models.mentoring import MentoringMeeting, Mentorship
from qingshan.teaching.models.observations import Deliberation, Observation, ObservationScore
from qingshan.teaching.models.policy import ObservationQuota, TeachingPolicy
from qingshan.teaching.models.rubrics import Rubric, RubricItem
from qingshan.teaching.models.staff import ResearchGroup, TeacherProfile
from qingshan.teaching.models.trainings import TrainingRecord

__all__ = [
    "Deliberation",
    "LessonEvent",
    "MentoringMeeting",
    "Mentorship",
    "Observation",
    "ObservationQuota",
    "ObservationScore",
    "ResearchGroup",
    "Rubric",
    "RubricItem",
    "TeacherProfile",
    "TeachingPolicy",
    "TrainingRecord",
]
