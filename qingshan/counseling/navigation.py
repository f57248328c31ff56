"""The counseling section of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "counseling",
    title=_("Counseling"),
    order=64,
    items=(
        NavItem(_("My screenings"), "counseling:my", "counseling.answer"),
        NavItem(_("One without leaking"), "counseling:board", "counseling.screen"),
        NavItem(_("Screening alerts"), "counseling:alert_list", "counseling.screen"),
        NavItem(_("My cases"), "counseling:case_list", "counseling.cases"),
        NavItem(_("Screening campaigns"), "counseling:campaign_list", "counseling.screen"),
        NavItem(_("Screening scales"), "counseling:scale_list", "counseling.screen"),
        NavItem(_("Import screening results"), "counseling:import_start", "counseling.screen"),
        NavItem(_("Students needing attention"), "counseling:attention", "counseling.attention"),
        NavItem(
            _("Break-glass read of a case"), "counseling:break_glass", "counseling.break_glass"
        ),
        NavItem(_("Minors' data: yearly pack"), "counseling:compliance", "counseling.compliance"),
        NavItem(
            _("What we hold about a student"), "counseling:guardian_export", "counseling.compliance"
        ),
        NavItem(
            _("Personal-information incidents"), "counseling:incident_list", "counseling.compliance"
        ),
    ),
)
