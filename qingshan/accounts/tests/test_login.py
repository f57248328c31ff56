from __future__ import annotations

import time
from binascii import unhexlify
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.passwords import PASSWORD_PROFILES
from qingshan.accounts.enums import Role
from qingshan.accounts.middleware import SESSION_LOGIN_AT_KEY, SESSION_SEEN_AT_KEY
from qingshan.accounts.validators import CharacterClassValidator
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


def _login(client: Client, username: str, password: str) -> Any:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_member_signs_in_and_reaches_the_dashboard(school: Any, user_with_role: Any) -> None:
    user_with_role(Role.TEACHER, school, username="wang")
    client = Client()

    response = _login(client, "wang", PASSWORD)

    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.get("/").status_code == 200


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(
    school: Any, user_with_role: Any
) -> None:
    user_with_role(Role.TEACHER, school, username="wang")

    wrong_password = _login(Client(), "wang", "nope")
    unknown_user = _login(Client(), "nobody", "nope")

    assert wrong_password.status_code == unknown_user.status_code == 200
    assert wrong_password.context["form"].errors == unknown_user.context["form"].errors


def test_repeated_failures_lock_out_known_and_unknown_names_alike(
    settings: Any, school: Any, user_with_role: Any
) -> None:
    user_with_role(Role.TEACHER, school, username="wang")
    known, unknown = Client(), Client()

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(known, "wang", "nope")
        _login(unknown, "nobody", "nope")
    locked_known = _login(known, "wang", PASSWORD)
    locked_unknown = _login(unknown, "nobody", PASSWORD)

    assert locked_known.status_code == locked_unknown.status_code == 429
    assert "Too many failed attempts" in locked_known.content.decode()
    assert "Too many failed attempts" in locked_unknown.content.decode()


def test_one_failure_less_than_the_limit_still_lets_the_right_password_in(
    settings: Any, school: Any, user_with_role: Any
) -> None:
    user_with_role(Role.TEACHER, school, username="wang")
    client = Client()

    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "wang", "nope")

    assert _login(client, "wang", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("key", "seconds_ago"), [(SESSION_SEEN_AT_KEY, "idle"), (SESSION_LOGIN_AT_KEY, "absolute")]
)
def test_a_session_ends_after_its_timeout(
    settings: Any, school: Any, client_for: Any, key: str, seconds_ago: str
) -> None:
    client = client_for(Role.TEACHER, school)
    assert client.get("/").status_code == 200
    limit = (
        settings.QS_SESSION_IDLE_SECONDS
        if seconds_ago == "idle"
        else settings.QS_SESSION_ABSOLUTE_SECONDS
    )
    session = client.session
    session[key] = int(time.time()) - limit - 1
    session.save()

    response = client.get("/")

    assert (response.status_code, response["Location"]) == (302, reverse("accounts:login"))


def test_a_session_just_inside_its_idle_timeout_goes_on(
    settings: Any, school: Any, client_for: Any
) -> None:
    client = client_for(Role.TEACHER, school)
    client.get("/")
    session = client.session
    session[SESSION_SEEN_AT_KEY] = int(time.time()) - settings.QS_SESSION_IDLE_SECONDS + 5
    session.save()

    assert client.get("/").status_code == 200


def test_privileged_roles_must_set_up_a_one_time_code_when_required(
    settings: Any, school: Any, client_for: Any
) -> None:
    settings.QS_REQUIRE_OTP = True

    admin = client_for(Role.SCHOOL_ADMIN, school).get("/")
    teacher = client_for(Role.TEACHER, school).get("/")

    assert (admin.status_code, admin["Location"]) == (302, reverse("accounts:otp_setup"))
    assert teacher.status_code == 200


def test_a_confirmed_code_opens_the_pages(settings: Any, school: Any, user_with_role: Any) -> None:
    settings.QS_REQUIRE_OTP = True
    user = user_with_role(Role.COUNSELOR, school)
    client = Client()
    client.force_login(user)
    client.get(reverse("accounts:otp_setup"))
    key = unhexlify(client.session["qs_pending_otp_key"])

    wrong = client.post(
        reverse("accounts:otp_setup"), {"code": "000000" if totp(key) != 0 else "111111"}
    )
    stored_after_wrong = TOTPDevice.objects.filter(user=user).count()
    right = client.post(reverse("accounts:otp_setup"), {"code": f"{totp(key):06d}"})

    assert wrong.status_code == 200
    assert "The code is not correct" in wrong.content.decode()
    assert stored_after_wrong == 0
    assert right.status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/").status_code == 200


def test_opening_the_set_up_page_stores_no_device(school: Any, user_with_role: Any) -> None:
    user = user_with_role(Role.COUNSELOR, school)
    client = Client()
    client.force_login(user)

    first = client.get(reverse("accounts:otp_setup"))
    second = client.get(reverse("accounts:otp_setup"))

    assert first.status_code == second.status_code == 200
    assert first.context["secret"] == second.context["secret"]  # the same key until confirmed
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_user_with_a_device_is_asked_for_a_code_after_signing_in(
    settings: Any, school: Any, user_with_role: Any
) -> None:
    settings.QS_REQUIRE_OTP = True
    user = user_with_role(Role.SECRETARY, school)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    client.force_login(user)

    assert client.get("/")["Location"] == reverse("accounts:otp_verify")


@pytest.mark.parametrize(
    ("profile", "password", "accepted"),
    [
        ("length", "green mountain river", True),
        ("length", "Qs2013!x", False),  # too short for the length profile
        ("mlps", "Qs2013!x", True),
        ("mlps", "greenmountainriver", False),  # one kind of character only
        ("mlps", "greenmountain2013", False),  # two kinds
        ("mlps", "Greenmountain2013", True),  # three kinds
    ],
)
def test_password_profiles(settings: Any, profile: str, password: str, accepted: bool) -> None:
    settings.AUTH_PASSWORD_VALIDATORS = PASSWORD_PROFILES[profile]
    from django.contrib.auth import password_validation

    password_validation.get_default_password_validators.cache_clear()
    try:
        if accepted:
            validate_password(password)
        else:
            with pytest.raises(ValidationError):
                validate_password(password)
    finally:
        password_validation.get_default_password_validators.cache_clear()


def test_character_class_help_names_the_kinds() -> None:
    assert "lowercase, uppercase, digits, symbols" in CharacterClassValidator(3).get_help_text()


def test_logout_needs_a_post_and_ends_the_session(school: Any, client_for: Any) -> None:
    client = client_for(Role.TEACHER, school)

    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))

    assert client.get("/").status_code == 302


def test_create_api_token_command_prints_a_working_token(db: None) -> None:
    UserFactory(username="sync")
    out = StringIO()

    call_command("create_api_token", "sync", stdout=out)

    token = out.getvalue().strip()
    assert token.startswith("qs_")
    assert (
        Client()
        .get("/api/v1/organization/schools/", headers={"Authorization": f"Bearer {token}"})
        .status_code
        == 200
    )
