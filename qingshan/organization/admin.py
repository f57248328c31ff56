from django.contrib import admin

from qingshan.core import audit
from qingshan.core.models import Authority, School
from qingshan.organization import models

for model in (
    Authority,
    School,
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

admin.site.register(Authority)
admin.site.register(School)
