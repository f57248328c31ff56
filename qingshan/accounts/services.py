"""Writes about users: accounts, memberships, API tokens. Each runs in one transaction."""

from __future__ import annotations

import hashlib
import secrets
import time
from binascii import unhexlify

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from qingshan.accounts.enums import Role
from qingshan.accounts.models import ApiToken, Membership, User
from qingshan.core.audit import log_event
from qingshan.core.errors import DomainError
from qingshan.core.models import Authority, School

TOKEN_PREFIX = "qs_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_user(
    *,
    username: str,
    password: str | None,
    full_name: str = "",
    email: str = "",
    check_password: bool = True,
) -> User:
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(
            _("The user name %(username)s is taken.") % {"username": username},
            code="username_taken",
        )
    user = User(username=username, full_name=full_name, email=email)
    if password is None:
        user.set_unusable_password()
    else:
        if check_password:
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise ValidationError({"password": error.messages}) from error
        user.set_password(password)
    user.save()
    return user


@transaction.atomic
def grant_membership(
    *, user: User, role: str, school: School | None = None, authority: Authority | None = None
) -> Membership:
    if role == Role.AUTHORITY_VIEWER:
        if authority is None or school is not None:
            raise DomainError(
                _("An authority viewer belongs to an authority, not a school."), code="scope"
            )
    elif school is None or authority is not None:
        raise DomainError(_("This role belongs to a school."), code="scope")
    membership, _created = Membership.objects.get_or_create(
        user=user, role=role, school=school, authority=authority
    )
    return membership


@transaction.atomic
def revoke_membership(*, membership: Membership) -> None:
    membership.delete()


@transaction.atomic
def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token and return it with its raw value, which is never stored and shown once."""
    if not name.strip():
        raise DomainError(_("Give the token a name."), code="name_required")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=raw[:8], key_hash=hash_token(raw)
    )
    return token, raw


@transaction.atomic
def revoke_api_token(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def authenticate_api_token(raw: str) -> User | None:
    """The active user behind a bearer token, or None. Touches ``last_used_at`` at most once a minute."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def confirm_one_time_codes(*, user: User, key: str, code: str) -> TOTPDevice | None:
    """Store the authenticator ``key`` (hex) as the user's confirmed device if ``code`` is the
    code it shows now (one step of drift either way); None, and nothing stored, otherwise."""
    try:
        token = int(code)
        totp = TOTP(unhexlify(key), step=30, t0=0, digits=6, drift=0)
    except ValueError:
        return None
    totp.time = time.time()
    if not totp.verify(token, tolerance=1):
        return None
    return TOTPDevice.objects.create(
        user=user, key=key, name=_("Authenticator app"), confirmed=True, last_t=totp.t()
    )


@transaction.atomic
def change_password(*, user: User, old_password: str, new_password: str) -> User:
    """Set ``new_password`` if ``old_password`` is the user's current one and the new one passes
    the password validators; otherwise raise, and the password stays as it was."""
    if not user.check_password(old_password):
        raise ValidationError(
            {"old_password": _("Your current password is not correct. Nothing was changed.")},
            code="password_incorrect",
        )
    try:
        validate_password(new_password, user)
    except ValidationError as error:
        raise ValidationError({"new_password1": error.messages}) from error
    user.set_password(new_password)
    user.save(update_fields=["password"])
    return user


@transaction.atomic
def issue_password_reset_link(*, issuer: User, user: User, school: School) -> str:
    """The path of a one-time link with which ``user`` sets a new password, issued by an
    administrator of ``school`` to one of its members; audited. The link works once (setting a
    password ends it) and for ``PASSWORD_RESET_TIMEOUT`` seconds; it is stored nowhere."""
    if not Membership.objects.filter(user=user, school=school).exists():
        raise DomainError(
            _("%(user)s holds no role at this school.") % {"user": user}, code="not_a_member"
        )
    if not Membership.objects.filter(user=issuer, school=school, role=Role.SCHOOL_ADMIN).exists():
        raise DomainError(
            _("Only an administrator of the school issues reset links."), code="not_admin"
        )
    if not user.is_active:
        raise DomainError(_("This login is switched off."), code="inactive")
    # Whoever holds a role elsewhere (another school, the county) is not this school's alone to
    # take over with a new password.
    if user.is_superuser or user.memberships.exclude(school=school).exists():
        raise DomainError(
            _(
                "%(user)s also holds a role outside this school: only the operator resets "
                "their password."
            )
            % {"user": user},
            code="not_only_here",
        )
    log_event(
        obj=user,
        actor=issuer,
        school_id=school.pk,
        event=_("password reset link"),
        detail=_("issued, valid once for %(hours)d hours") % {"hours": reset_link_hours()},
    )
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def reset_link_hours() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)
