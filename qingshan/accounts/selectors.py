"""Reads about who a user is at which school."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from qingshan.accounts.enums import PRIVILEGED_ROLES, Role
from qingshan.accounts.models import Membership, User
from qingshan.organization.models import School


@dataclass
class SchoolAccess:
    """What a signed-in user may reach: the schools, and the roles held at each."""

    roles_by_school: dict[int, frozenset[str]] = field(default_factory=dict)
    schools: list[School] = field(default_factory=list)

    def roles_at(self, school: School | None) -> frozenset[str]:
        if school is None:
            return frozenset()
        return self.roles_by_school.get(school.pk, frozenset())

    def school_by_id(self, school_id: Any) -> School | None:
        return next((school for school in self.schools if str(school.pk) == str(school_id)), None)


def school_access(user: Any) -> SchoolAccess:
    """Every school the user reaches with the roles held there (two queries, cached on the user)."""
    cached: SchoolAccess | None = getattr(user, "_qs_school_access", None)
    if cached is not None:
        return cached
    access = SchoolAccess()
    if user is None or not user.is_authenticated:
        return access
    memberships = list(Membership.objects.filter(user=user).select_related("school"))
    roles: dict[int, set[str]] = {}
    schools: dict[int, School] = {}
    authority_ids = []
    for membership in memberships:
        if membership.role == Role.AUTHORITY_VIEWER:
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
    user._qs_school_access = access
    return access


def roles_at(user: Any, school: School | None) -> frozenset[str]:
    return school_access(user).roles_at(school)


def is_read_only_at(user: Any, school: School | None) -> bool:
    """An authority viewer without a role of its own at the school only reads."""
    return roles_at(user, school) == frozenset({Role.AUTHORITY_VIEWER})


def needs_one_time_code(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        roles & PRIVILEGED_ROLES for roles in school_access(user).roles_by_school.values()
    ) or (Membership.objects.filter(user=user, role__in=PRIVILEGED_ROLES).exists())


def memberships_for_school(school: School) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(Q(school=school) | Q(authority_id=school.authority_id))
        .select_related("user", "school", "authority")
        .order_by("user__username", "role")
    )


def users_for_school(school: School) -> QuerySet[User]:
    return User.objects.filter(memberships__school=school).distinct().order_by("username")
