"""The outreach app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "outreach",
    title=_("Technology outreach"),
    order=61,
    items=(
        NavItem(_("Outreach by township"), "outreach:totals", "outreach.view"),
        NavItem(_("Visits"), "outreach:visit_list", "outreach.view"),
        NavItem(_("Technical problems"), "outreach:problem_list", "outreach.view"),
        NavItem(_("Practical things done"), "outreach:practical_list", "outreach.view"),
        NavItem(_("Science popularisation bases"), "outreach:base_list", "outreach.view"),
        NavItem(_("Farm households"), "outreach:household_list", "outreach.view"),
        NavItem(_("Import outreach records"), "outreach:import_start", "outreach.manage"),
    ),
)
