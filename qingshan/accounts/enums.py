from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SCHOOL_ADMIN = "school_admin", _("school administrator")
    SECRETARY = "secretary", _("branch secretary")
    DEPARTMENT_HEAD = "department_head", _("department head")
    TEACHER = "teacher", _("teacher")
    COUNSELOR = "counselor", _("counselor")
    STUDENT = "student", _("student")
    AUTHORITY_VIEWER = "authority_viewer", _("authority viewer")


# Roles that must confirm a one-time code when QS_REQUIRE_OTP is on.
PRIVILEGED_ROLES = frozenset(
    {Role.SCHOOL_ADMIN, Role.SECRETARY, Role.COUNSELOR, Role.AUTHORITY_VIEWER}
)
STAFF_ROLES = frozenset(
    {Role.SCHOOL_ADMIN, Role.SECRETARY, Role.DEPARTMENT_HEAD, Role.TEACHER, Role.COUNSELOR}
)
