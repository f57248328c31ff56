"""Per-request context: session timeouts, the current school, one-time codes for privileged roles."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from qingshan.accounts.selectors import needs_one_time_code, school_access
from qingshan.core.access import NO_ACCESS, SchoolRequest

SESSION_SCHOOL_KEY = "qs_school_id"
SESSION_LOGIN_AT_KEY = "qs_login_at"
SESSION_SEEN_AT_KEY = "qs_seen_at"

Handler = Callable[[HttpRequest], HttpResponse]


class SessionTimeoutMiddleware:
    """Signs a user out after ``QS_SESSION_IDLE_SECONDS`` idle or ``QS_SESSION_ABSOLUTE_SECONDS`` in all."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            login_at = session.setdefault(SESSION_LOGIN_AT_KEY, now)
            seen_at = session.get(SESSION_SEEN_AT_KEY, now)
            if (
                now - seen_at > settings.QS_SESSION_IDLE_SECONDS
                or now - login_at > settings.QS_SESSION_ABSOLUTE_SECONDS
            ):
                logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
                return redirect(settings.LOGIN_URL)
            # Write at most once a minute so that every request does not save the session.
            if now - seen_at >= 60 or SESSION_SEEN_AT_KEY not in session:
                session[SESSION_SEEN_AT_KEY] = now
        return self.get_response(request)


class SchoolMiddleware:
    """Sets ``request.school`` (the tenant), ``request.roles`` and ``request.read_only``."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        attach_school(cast(SchoolRequest, request))
        return self.get_response(request)


def attach_school(request: SchoolRequest) -> None:
    """Leave the user's access, the current school, its roles and read-only flag on the request."""
    access = school_access(request.user) if request.user.is_authenticated else NO_ACCESS
    school = access.school_by_id(request.session.get(SESSION_SCHOOL_KEY))
    if school is None and access.schools:
        school = access.schools[0]
    request.school_access = access
    request.user_schools = access.schools
    request.school = school
    request.roles = access.roles_at(school)
    request.read_only = school is None or access.is_read_only_at(school)


def _is_verified(user: object) -> bool:
    """Whether the user confirmed a one-time code this session (django-otp's middleware adds
    ``is_verified`` to the user)."""
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


OTP_EXEMPT_URL_NAMES = frozenset({"otp_setup", "otp_verify", "logout", "login", "set_language"})


class OTPRequiredMiddleware:
    """With ``QS_REQUIRE_OTP``, privileged users confirm a TOTP code before anything else."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Handler, view_args: object, view_kwargs: object
    ) -> HttpResponse | None:
        if not settings.QS_REQUIRE_OTP or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if (
            match is None
            or match.url_name in OTP_EXEMPT_URL_NAMES
            or request.path.startswith(("/static/", "/api/"))
        ):
            return None
        if _is_verified(request.user) or not needs_one_time_code(request.user):
            return None
        has_device = any(True for _device in devices_for_user(request.user, confirmed=True))
        return redirect("accounts:otp_verify" if has_device else "accounts:otp_setup")
