"""The teaching app's section of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "teaching",
    title=_("Teacher development"),
    order=58,
    items=(
        NavItem(_("Lesson observations"), "teaching:observation_list", "teaching.observe"),
        NavItem(_("Observe a lesson"), "teaching:observation_new", "teaching.observe"),
        NavItem(_("Observation quotas"), "teaching:board", "teaching.view"),
        NavItem(_("Observation rubric"), "teaching:rubric_list", "teaching.view"),
        NavItem(_("Shadowing follow-ups"), "teaching:followup_list", "teaching.lead"),
    ),
)
