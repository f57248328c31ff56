"""The honours app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "honours",
    title=_("Honours"),
    order=62,
    items=(
        NavItem(_("Honours of the school"), "honours:honour_list", "honours.view"),
        NavItem(_("Honours of the branch"), "honours:branchhonour_list", "honours.view"),
        NavItem(_("Commendations"), "honours:commendation_list", "honours.view"),
        NavItem(_("Exemplary deeds"), "honours:story_list", "honours.view"),
        NavItem(_("Import honours or commendations"), "honours:import_start", "honours.manage"),
    ),
)
