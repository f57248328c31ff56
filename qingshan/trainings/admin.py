from qingshan.core import audit
from qingshan.trainings import models

for model in (
    models.Course,
    models.Cohort,
    models.Trainee,
    models.Enrolment,
    models.Certificate,
    models.FollowUp,
):
    audit.register(model)
