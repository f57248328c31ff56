"""The internships section of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "internships",
    title=_("Internships"),
    order=62,
    items=(
        NavItem(_("My internship"), "internships:my", "internships.log"),
        NavItem(_("Internship compliance"), "internships:compliance", "internships.view"),
        NavItem(_("Placements"), "internships:placement_list", "internships.view"),
        NavItem(_("Internship weeks"), "internships:week_list", "internships.view"),
        NavItem(_("Internship units"), "internships:unit_list", "internships.view"),
        NavItem(_("Production records"), "internships:production_list", "internships.view"),
        NavItem(_("Works built by students"), "internships:works_list", "internships.view"),
        NavItem(_("Site visits"), "internships:visit_list", "internships.view"),
        NavItem(
            _("Import units, placements and production"),
            "internships:import_start",
            "internships.manage",
        ),
    ),
)
