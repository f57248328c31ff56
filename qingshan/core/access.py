"""What a signed-in user may reach: the schools and the roles held at each.

``accounts`` builds a ``SchoolAccess`` for every request (pages through its middleware, the API
through its token check) and leaves it on ``request.school_access``; ``core`` reads it there, so
the shared views and the API plumbing need no knowledge of logins or roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

from qingshan.core.models import School


@dataclass
class SchoolAccess:
    """Invariant: every key of ``roles_by_school`` is the pk of a school in ``schools``; a school
    in ``read_only_school_ids`` is one the user only reads (an authority viewer's)."""

    roles_by_school: dict[int, frozenset[str]] = field(default_factory=dict)
    schools: list[School] = field(default_factory=list)
    read_only_school_ids: frozenset[int] = frozenset()

    def roles_at(self, school: School | None) -> frozenset[str]:
        if school is None:
            return frozenset()
        return self.roles_by_school.get(school.pk, frozenset())

    def school_by_id(self, school_id: Any) -> School | None:
        return next((school for school in self.schools if str(school.pk) == str(school_id)), None)

    def school_by_slug(self, slug: str) -> School | None:
        return next((school for school in self.schools if school.slug == slug), None)

    def is_read_only_at(self, school: School | None) -> bool:
        return school is not None and school.pk in self.read_only_school_ids


NO_ACCESS = SchoolAccess()


class SchoolRequest(HttpRequest):
    """An ``HttpRequest`` as the middleware leaves it, for annotations only (never instantiated).

    ``school`` is the tenant the request works on (None for an anonymous request or a user
    without a school); ``read_only`` is true unless the user holds a role of their own there.
    """

    school: School | None
    roles: frozenset[str]
    read_only: bool
    user_schools: list[School]
    school_access: SchoolAccess


def access_of(request: HttpRequest) -> SchoolAccess:
    """The request's access, as ``accounts`` left it (none for an anonymous request)."""
    access = getattr(request, "school_access", None)
    return access if isinstance(access, SchoolAccess) else NO_ACCESS
