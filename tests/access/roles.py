"""Roles in the order of the matrix and the status patterns every app's rows share."""

from __future__ import annotations

from qingshan.accounts.enums import Role

ROLES = [None, *Role.values]
ANON, ADMIN, SECRETARY, HEAD, TEACHER, COUNSELOR, STUDENT, VIEWER = ROLES

# Status for each role, in the order of ROLES.
PUBLIC = dict.fromkeys(ROLES, 200)
SIGNED_IN = {ANON: 302, **dict.fromkeys(Role.values, 200)}
ORG_VIEW = {
    ANON: 302,
    ADMIN: 200,
    SECRETARY: 200,
    HEAD: 200,
    TEACHER: 200,
    COUNSELOR: 200,
    STUDENT: 403,
    VIEWER: 200,
}
ADMIN_ONLY = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200}
FIGURES = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200, VIEWER: 200}
POST_ONLY = {ANON: 302, **dict.fromkeys(Role.values, 405)}
SIGNED_IN_POST_ONLY = dict.fromkeys(ROLES, 405)
API_VIEW = {
    ANON: 401,
    ADMIN: 200,
    SECRETARY: 200,
    HEAD: 200,
    TEACHER: 200,
    COUNSELOR: 200,
    STUDENT: 403,
    VIEWER: 200,
}
API_SIGNED_IN = {ANON: 401, **dict.fromkeys(Role.values, 200)}
