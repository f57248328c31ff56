"""The evaluations app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "ratings",
    title=_("Ratings"),
    order=70,
    items=(
        NavItem(_("My ratings to give"), "evaluations:rate_home", "core.view_dashboard"),
        NavItem(_("My results"), "evaluations:my_results", "evaluations.view_own"),
        NavItem(_("Rating campaigns"), "evaluations:campaign_list", "evaluations.view"),
        NavItem(_("Instruments"), "evaluations:instrument_list", "evaluations.view"),
        NavItem(_("Follow-ups"), "evaluations:followup_list", "evaluations.manage"),
    ),
)
