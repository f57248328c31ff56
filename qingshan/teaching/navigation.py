"""The teacher-development section of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "teaching",
    title=_("Teacher development"),
    order=58,
    items=(
        # the observation loop
        NavItem(_("Lesson observations"), "teaching:observation_list", "teaching.observe"),
        NavItem(_("Observe a lesson"), "teaching:observation_new", "teaching.observe"),
        NavItem(_("My portfolio"), "teaching:portfolio_mine", "teaching.own_portfolio"),
        NavItem(_("Observation quotas"), "teaching:board", "teaching.view"),
        NavItem(_("Observation rubric"), "teaching:rubric_list", "teaching.view"),
        NavItem(_("Shadowing follow-ups"), "teaching:followup_list", "teaching.lead"),
        # the team's records
        NavItem(_("Lesson events"), "teaching:lesson_list", "teaching.view"),
        NavItem(_("Training records"), "teaching:training_list", "teaching.view"),
        NavItem(_("Request a training"), "teaching:training_request", "teaching.observe"),
        NavItem(_("Enterprise practice and hours"), "teaching:practice", "teaching.view"),
        NavItem(_("Teacher mentoring pairs"), "teaching:mentorship_list", "teaching.view"),
        NavItem(_("Mentoring meetings"), "teaching:meeting_list", "teaching.view"),
        NavItem(_("Teaching-research groups"), "teaching:group_list", "teaching.view"),
        NavItem(_("Teacher profiles"), "teaching:profile_list", "teaching.view"),
        NavItem(_("Import observations or trainings"), "teaching:import_start", "teaching.manage"),
    ),
)
