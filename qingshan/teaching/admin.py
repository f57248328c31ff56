from qingshan.core import audit
from qingshan.teaching import models

for model in (
    models.ResearchGroup,
    models.TeacherProfile,
    models.LessonEvent,
    models.TrainingRecord,
    models.Mentorship,
    models.MentoringMeeting,
    models.TeachingPolicy,
):
    audit.register(model)
