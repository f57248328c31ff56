"""Changing one's own password, and setting a forgotten one with a one-time link."""

from __future__ import annotations

import re
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from qingshan.accounts import services
from qingshan.accounts.enums import Role
from qingshan.accounts.models import User
from tests.factories import MembershipFactory

OLD = "correct-horse-battery"
NEW = "green mountain river runs"


def member(school: Any, role: str = Role.TEACHER, username: str = "", email: str = "") -> User:
    user = MembershipFactory(school=school, role=role, user__username=username or f"m-{role}").user
    if email:
        user.email = email
        user.save(update_fields=["email"])
    return user


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def change(client: Client, old: str, new: str, again: str | None = None) -> Any:
    return client.post(
        reverse("accounts:password_change"),
        {
            "old_password": old,
            "new_password1": new,
            "new_password2": new if again is None else again,
        },
    )


def test_a_member_changes_their_password_and_stays_signed_in(school: Any) -> None:
    user = member(school)
    client = signed_in(user)

    response = change(client, OLD, NEW)

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.get(reverse("reports:dashboard")).status_code == 200


def test_a_wrong_current_password_changes_nothing(school: Any) -> None:
    user = member(school)
    client = signed_in(user)

    response = change(client, "not my password", NEW)

    assert response.status_code == 200
    assert "Your current password is not correct. Nothing was changed." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(OLD)


def test_two_different_new_passwords_change_nothing(school: Any) -> None:
    user = member(school)

    response = change(signed_in(user), OLD, NEW, again=NEW + "!")

    assert "The two new passwords differ." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(OLD)


def test_a_new_password_the_validators_refuse_changes_nothing(school: Any, settings: Any) -> None:
    user = member(school)

    response = change(signed_in(user), OLD, "12345")

    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(OLD)


def test_the_refusal_is_in_chinese_on_a_chinese_page(school: Any) -> None:
    user = member(school)
    client = signed_in(user)
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})

    body = change(client, "not my password", NEW).content.decode()

    assert "当前密码不正确，未做任何更改。" in body
    assert "两次输入的新密码不一致。" in change(client, OLD, NEW, again="x").content.decode()


def test_without_a_mail_server_the_forgotten_password_page_names_the_administrator(
    school: Any,
) -> None:
    body = Client().get(reverse("accounts:password_reset")).content.decode()

    assert "Ask the administrator of Green Mountain Vocational School for a reset link" in body
    assert '<form method="post" data-once>' not in body


def test_with_a_mail_server_a_forgotten_password_is_reset_by_mail(
    school: Any, settings: Any
) -> None:
    settings.QS_RESET_BY_EMAIL = True
    user = member(school, email="wang@example.org")

    Client().post(reverse("accounts:password_reset"), {"email": "wang@example.org"})

    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    client = Client()
    form = client.get(link.group(1), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    user.refresh_from_db()
    assert user.check_password(NEW)


def issue(admin: User, user: User) -> Any:
    return signed_in(admin).post(reverse("accounts:password_reset_issue", args=[user.pk]))


def link_in(response: Any) -> str:
    found = re.search(
        r'value="http://testserver(/accounts/password/reset/[^"]+)"', response.content.decode()
    )
    assert found is not None
    return found.group(1)


def set_password_with(link: str, password: str) -> Any:
    client = Client()
    page = client.get(link, follow=True)
    return client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link,
        {"new_password1": password, "new_password2": password},
    )


def test_an_administrator_issues_a_one_time_link_shown_once_and_audited(school: Any) -> None:
    admin = member(school, Role.SCHOOL_ADMIN)
    user = member(school)

    response = issue(admin, user)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    done = set_password_with(link_in(response), NEW)
    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW)
    entry = LogEntry.objects.filter(object_pk=str(user.pk), actor=admin).get()
    assert entry.additional_data == {"school_id": school.pk}
    assert "/accounts/password/reset/" not in str(entry.changes)


def test_a_used_link_is_refused(school: Any) -> None:
    admin = member(school, Role.SCHOOL_ADMIN)
    user = member(school)
    link = link_in(issue(admin, user))
    set_password_with(link, NEW)

    again = Client().get(link, follow=True)
    set_password_with(link, NEW + " again")

    assert 'id="link-refused"' in again.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_an_expired_link_is_refused(school: Any, settings: Any) -> None:
    admin = member(school, Role.SCHOOL_ADMIN)
    user = member(school)
    link = link_in(issue(admin, user))
    settings.PASSWORD_RESET_TIMEOUT = -1

    set_password_with(link, NEW)

    user.refresh_from_db()
    assert user.check_password(OLD)


def test_an_administrator_of_another_school_cannot_issue_a_link_for_this_schools_user(
    school: Any, other_school: Any
) -> None:
    other_admin = member(other_school, Role.SCHOOL_ADMIN, username="otheradmin")
    user = member(school)

    response = issue(other_admin, user)

    assert response.status_code == 404
    assert not LogEntry.objects.filter(object_pk=str(user.pk), actor=other_admin).exists()
    with pytest.raises(ValidationError):
        services.issue_password_reset_link(issuer=other_admin, user=user, school=school)


def test_only_an_administrator_issues_links(school: Any) -> None:
    teacher = member(school, Role.TEACHER, username="teacher2")
    user = member(school, Role.STUDENT)

    assert issue(teacher, user).status_code == 403


def test_the_sign_in_page_names_the_product_and_the_only_school(school: Any) -> None:
    body = Client().get(reverse("accounts:login")).content.decode()

    assert "青山" in body and "Qingshan" in body
    assert "Green Mountain Vocational School" in body
    assert reverse("accounts:password_reset") in body


def test_the_sign_in_page_names_no_school_where_there_are_several(
    school: Any, other_school: Any
) -> None:
    body = Client().get(reverse("accounts:login")).content.decode()

    assert "Green Mountain Vocational School" not in body
    assert "Other School" not in body


def test_the_password_pages_list_the_password_rules(school: Any) -> None:
    body = signed_in(member(school)).get(reverse("accounts:password_change")).content.decode()

    assert 'class="helptext password-rules"><ul>' in body


def test_no_link_for_a_login_that_also_holds_a_role_at_another_school(
    school: Any, other_school: Any
) -> None:
    admin = member(school, Role.SCHOOL_ADMIN)
    both = member(school)
    MembershipFactory(user=both, school=other_school, role=Role.SCHOOL_ADMIN)

    response = signed_in(admin).post(
        reverse("accounts:password_reset_issue", args=[both.pk]), follow=True
    )

    assert "also holds a role outside this school" in response.content.decode()
    assert "/accounts/password/reset/" not in response.content.decode()
    assert not LogEntry.objects.filter(object_pk=str(both.pk), actor=admin).exists()
