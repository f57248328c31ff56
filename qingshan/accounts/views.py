from __future__ import annotations

from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from qingshan.accounts import selectors, services
from qingshan.accounts.audit_display import ACTION_NAMES, readable_changes
from qingshan.accounts.forms import (
    ApiTokenForm,
    LoginForm,
    MembershipForm,
    OneTimeCodeForm,
    PasswordChangeForm,
)
from qingshan.accounts.middleware import SESSION_SCHOOL_KEY
from qingshan.accounts.models import User
from qingshan.core.errors import show_on_form
from qingshan.core.records import school_for

PENDING_OTP_KEY = "qs_pending_otp_key"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "school": selectors.sole_school()}


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """One's own password: the current one, then the new one twice; the session stays signed in."""
    user = signed_in(request)
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_password(
                user=user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password1"],
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("Your password was changed."))
            return redirect("accounts:password_change")
    return render(
        request,
        "accounts/password_change.html",
        {"form": form, "password_rules": password_validators_help_text_html()},
    )


def password_reset(request: HttpRequest) -> HttpResponseBase:
    """A forgotten password: by e-mail where the school has a mail server, otherwise the page
    says to ask the school's administrator for a one-time link."""
    if settings.QS_RESET_BY_EMAIL:
        return PasswordResetByEmailView.as_view()(request)
    return render(request, "accounts/password_reset_ask.html", {"school": selectors.sole_school()})


class PasswordResetByEmailView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if not settings.QS_RESET_BY_EMAIL:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The one-time link's page (from an e-mail or an administrator): a new password twice."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "password_rules": password_validators_help_text_html(),
        }


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@require_POST
def password_reset_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """A school administrator's one-time reset link for one of the school's members, shown once."""
    school = school_for(request, "accounts.manage_users", write=True)
    user = selectors.member_of_school(school, pk)
    if user is None:
        raise Http404
    try:
        path = services.issue_password_reset_link(
            issuer=signed_in(request), user=user, school=school
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:user_list")
    response = render(
        request,
        "accounts/password_reset_issued.html",
        {
            "member": user,
            "link": request.build_absolute_uri(path),
            "hours": services.reset_link_hours(),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("accounts:login")


@login_required
@require_POST
def switch_school(request: HttpRequest) -> HttpResponse:
    school = selectors.school_access(request.user).school_by_id(request.POST.get("school"))
    if school is None:
        raise PermissionDenied
    request.session[SESSION_SCHOOL_KEY] = school.pk
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target or "/")


def signed_in(request: HttpRequest) -> User:
    """The signed-in user of a view behind ``login_required``."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Show a new authenticator key as a QR code; store it only once a code from it is right.

    The key waits in the session until then, so that opening the page stores nothing."""
    user = signed_in(request)
    key = request.session.get(PENDING_OTP_KEY) or random_hex()
    request.session[PENDING_OTP_KEY] = key
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.confirm_one_time_codes(user=user, key=key, code=form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING_OTP_KEY]
            otp_login(request, device)
            messages.success(request, _("One-time codes are set up."))
            return redirect("reports:dashboard")
        form.add_error(
            "code", _("The code is not correct. Check the time on your phone and try again.")
        )
    config_url = TOTPDevice(user=user, key=key, name=_("Authenticator app")).config_url
    qr_svg = segno.make(config_url, micro=False).svg_data_uri(scale=5)
    return render(
        request, "accounts/otp_setup.html", {"form": form, "qr": qr_svg, "secret": config_url}
    )


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in selectors.confirmed_devices(signed_in(request)):
            if device.verify_token(form.cleaned_data["code"]):
                otp_login(request, device)
                return redirect("reports:dashboard")
        form.add_error(
            "code", _("The code is not correct. Check the time on your phone and try again.")
        )
    return render(request, "accounts/otp_verify.html", {"form": form})


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = services.create_api_token(
                user=signed_in(request), name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error("name", error)
    tokens = selectors.api_tokens_of(signed_in(request))
    response = render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(selectors.api_tokens_of(signed_in(request)), pk=pk)
    services.revoke_api_token(token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:api_tokens")


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "accounts.manage_users", write=True)
    form = MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = User.objects.filter(username__iexact=data["username"]).first()
            if user is None:
                if not data["password"]:
                    raise ValidationError({"password": _("A new user needs an initial password.")})
                user = services.create_user(
                    username=data["username"],
                    password=data["password"],
                    full_name=data["full_name"],
                )
            services.grant_membership(user=user, role=data["role"], school=school)
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The role was granted."))
            return redirect("accounts:user_list")
    memberships = Paginator(selectors.memberships_for_school(school), 100).get_page(
        request.GET.get("page")
    )
    return render(request, "accounts/user_list.html", {"form": form, "page": memberships})


@login_required
@require_POST
def membership_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "accounts.manage_users", write=True)
    membership = get_object_or_404(selectors.memberships_for_school(school), pk=pk, school=school)
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot remove your own role."))
    else:
        services.revoke_membership(membership=membership)
        messages.success(request, _("The role was removed."))
    return redirect("accounts:user_list")


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "accounts.view_audit", write=True)
    action = request.GET.get("action", "")
    entries = selectors.audit_entries(school, action=int(action) if action.isdigit() else None)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/audit_log.html",
        {
            "page": page,
            "changes": readable_changes(page.object_list),
            "actions": list(ACTION_NAMES.items()),
            "action_names": ACTION_NAMES,
            "action": action,
        },
    )
