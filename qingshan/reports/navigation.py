"""The reports app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "overview",
    title=_("Overview"),
    order=10,
    items=(
        NavItem(_("Dashboard"), "reports:dashboard", "core.view_dashboard"),
        NavItem(_("Inbox"), "inbox", "core.view_dashboard"),
        NavItem(_("Figures"), "reports:figures", "core.view_figures"),
        NavItem(_("Annual summary"), "reports:summary", "reports.view"),
        NavItem(_("Issued reports"), "reports:issued_list", "reports.view"),
        NavItem(_("County roll-up"), "reports:county", "reports.county"),
    ),
)
