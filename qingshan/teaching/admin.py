from qingshan.core import audit
from qingshan.teaching import models

for model in (
    models.Rubric,
    models.RubricItem,
    models.Observation,
    models.ObservationScore,
    models.Deliberation,
    models.ObservationQuota,
    models.TeachingPolicy,
    models.ResearchGroup,
    models.TeacherProfile,
    models.LessonEvent,
    models.TrainingRecord,
    models.Mentorship,
    models.MentoringMeeting,
):
    audit.register(model)
