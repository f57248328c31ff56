"""The careers section of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "careers",
    title=_("Careers"),
    order=63,
    items=(
        NavItem(_("Employment of graduates"), "careers:employment", "careers.view"),
        NavItem(_("Graduate destinations"), "careers:destination_list", "careers.view"),
        NavItem(_("Follow-ups due"), "careers:followup_list", "careers.view"),
        NavItem(_("Enterprises"), "careers:enterprise_list", "careers.view"),
        NavItem(_("Cooperation agreements"), "careers:agreement_list", "careers.view"),
        NavItem(_("Order classes"), "careers:orderclass_list", "careers.view"),
        NavItem(_("Conversion per company"), "careers:conversion", "careers.view"),
        NavItem(_("Alumni"), "careers:alumnus_list", "careers.view"),
        NavItem(_("League branches of graduates"), "careers:leaguebranch_list", "careers.view"),
        NavItem(_("Follow-up points"), "careers:followuppoint_list", "careers.view"),
        NavItem(
            _("Import destinations, follow-ups and agreements"),
            "careers:import_start",
            "careers.manage",
        ),
    ),
)
