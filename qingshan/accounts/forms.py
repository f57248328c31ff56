from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from qingshan.accounts.enums import Role


class LoginForm(AuthenticationForm):
    """The same message for a wrong password and an unknown user: a login never reveals who exists."""

    error_messages = {
        "invalid_login": _("The user name or password is not correct."),
        "inactive": _("The user name or password is not correct."),
    }


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(
        label=_("one-time code"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("name"),
        max_length=60,
        help_text=_("What the token is for, e.g. the county data sync."),
    )


class MembershipForm(forms.Form):
    username = forms.CharField(label=_("user name"), max_length=150)
    full_name = forms.CharField(label=_("full name"), max_length=60, required=False)
    role = forms.ChoiceField(
        label=_("role"),
        choices=[(value, label) for value, label in Role.choices if value != Role.AUTHORITY_VIEWER],
    )
    password = forms.CharField(
        label=_("initial password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Only for a new user; leave empty to add a role to an existing user."),
    )

    def clean(self) -> dict[str, Any]:
        return super().clean() or {}


class PasswordChangeForm(forms.Form):
    """The current password and the new one twice; the service checks the first and the new."""

    old_password = forms.CharField(
        label=_("current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    new_password1 = forms.CharField(
        label=_("new password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("new password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("The two new passwords differ."))
        return cleaned
