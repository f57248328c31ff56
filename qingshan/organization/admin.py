from django.contrib import admin

from qingshan.core import audit
from qingshan.organization import models

for model in (
    models.Authority,
    models.School,
    models.Department,
    models.GradeTeam,
    models.Term,
    models.Major,
    models.SchoolClass,
    models.TeachingAssignment,
    models.Staff,
    models.Student,
    models.Guardian,
    models.GuardianLink,
):
    audit.register(model)

admin.site.register(models.Authority)
admin.site.register(models.School)
