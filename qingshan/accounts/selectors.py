"""Reads about who a user is at which school."""

from __future__ import annotations

from typing import Any

import rules
from auditlog.models import LogEntry
from django.db.models import Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from qingshan.accounts.enums import PRIVILEGED_ROLES, STAFF_ROLES, Role
from qingshan.accounts.models import ApiToken, Membership, User
from qingshan.core.access import SchoolAccess
from qingshan.core.models import School


def school_access(user: Any) -> SchoolAccess:
    """Every school the user reaches with the roles held there (two queries, cached on the user)."""
    cached: SchoolAccess | None = getattr(user, "qs_school_access", None)
    if cached is not None:
        return cached
    access = SchoolAccess()
    if user is None or not user.is_authenticated:
        return access
    memberships = list(Membership.objects.filter(user=user).select_related("school"))
    roles: dict[int, set[str]] = {}
    schools: dict[int, School] = {}
    authority_ids: list[int] = []
    for membership in memberships:
        if membership.role == Role.AUTHORITY_VIEWER:
            if membership.authority_id is not None:
                authority_ids.append(membership.authority_id)
        elif membership.school is not None and membership.school.archived_at is None:
            roles.setdefault(membership.school.pk, set()).add(membership.role)
            schools[membership.school.pk] = membership.school
    if authority_ids:
        for school in School.objects.active().filter(authority_id__in=authority_ids):
            roles.setdefault(school.pk, set()).add(Role.AUTHORITY_VIEWER)
            schools.setdefault(school.pk, school)
    access.roles_by_school = {pk: frozenset(value) for pk, value in roles.items()}
    access.schools = sorted(schools.values(), key=lambda school: school.name)
    access.read_only_school_ids = frozenset(
        pk for pk, held in access.roles_by_school.items() if held == {Role.AUTHORITY_VIEWER}
    )
    user.qs_school_access = access
    return access


def roles_at(user: Any, school: School | None) -> frozenset[str]:
    return school_access(user).roles_at(school)


def is_read_only_at(user: Any, school: School | None) -> bool:
    """An authority viewer without a role of its own at the school only reads."""
    return school_access(user).is_read_only_at(school)


def needs_one_time_code(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        roles & PRIVILEGED_ROLES for roles in school_access(user).roles_by_school.values()
    ) or (Membership.objects.filter(user=user, role__in=PRIVILEGED_ROLES).exists())


def audit_entries(school: School, *, action: int | None = None) -> QuerySet[LogEntry]:
    """The school's audit log, newest first; of one kind of action when ``action`` is given."""
    entries = (
        LogEntry.objects.filter(additional_data__school_id=school.pk)
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )
    return entries if action is None else entries.filter(action=action)


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def confirmed_devices(user: User) -> QuerySet[TOTPDevice]:
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def memberships_for_school(school: School) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(Q(school=school) | Q(authority_id=school.authority_id))
        .select_related("user", "school", "authority")
        .order_by("user__username", "role")
    )


def users_for_school(school: School) -> QuerySet[User]:
    return User.objects.filter(memberships__school=school).distinct().order_by("username")


# --- role predicates, for every app's ``rules.py`` (django-rules: called with user and school) --


def _has_any(*wanted: str) -> rules.Predicate:
    wanted_set = frozenset(wanted)

    @rules.predicate
    def predicate(user: Any, school: School | None) -> bool:
        return bool(school is not None and roles_at(user, school) & wanted_set)

    predicate.name = "has_role_" + "_or_".join(sorted(wanted_set))
    return predicate


is_school_admin = _has_any(Role.SCHOOL_ADMIN)
is_secretary = _has_any(Role.SECRETARY)
is_department_head = _has_any(Role.DEPARTMENT_HEAD)
is_teacher = _has_any(Role.TEACHER)
is_counselor = _has_any(Role.COUNSELOR)
is_student = _has_any(Role.STUDENT)
is_authority_viewer = _has_any(Role.AUTHORITY_VIEWER)
is_staff_member = _has_any(*STAFF_ROLES)
is_school_member = _has_any(*Role.values)


def sole_school() -> School | None:
    """The school a sign-in page can name: the only active one, when there is exactly one."""
    schools = list(School.objects.active().order_by("pk")[:2])
    return schools[0] if len(schools) == 1 else None


def member_of_school(school: School, pk: int) -> User | None:
    """The user ``pk`` if they hold a role at ``school`` itself (an authority's viewers do not)."""
    return users_for_school(school).filter(pk=pk).first()
