"""The workplans app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "work",
    title=_("Work system"),
    order=50,
    items=(
        NavItem(_("Month board"), "workplans:month", "workplans.view"),
        NavItem(_("Weekly statuses"), "workplans:weekly", "workplans.view"),
        NavItem(_("Supervision"), "workplans:supervision", "workplans.view"),
        NavItem(_("Responsibility grid"), "workplans:grid", "workplans.view"),
        NavItem(_("Grid check"), "workplans:grid_check", "workplans.view"),
    ),
)
