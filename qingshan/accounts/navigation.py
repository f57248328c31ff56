"""The accounts app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "administration",
    title=_("Administration"),
    order=90,
    items=(
        NavItem(_("Logins and roles"), "accounts:user_list", "accounts.manage_users"),
        NavItem(_("Audit log"), "accounts:audit_log", "accounts.view_audit"),
    ),
)

section(
    "account",
    title=_("Your account"),
    order=95,
    items=(NavItem(_("Change your password"), "accounts:password_change", "core.view_dashboard"),),
)
