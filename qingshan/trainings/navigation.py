"""The trainings app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "trainings",
    title=_("Sunshine Project training"),
    order=60,
    items=(
        NavItem(_("Training rates"), "trainings:rates", "trainings.view"),
        NavItem(_("Courses"), "trainings:course_list", "trainings.view"),
        NavItem(_("Cohorts"), "trainings:cohort_list", "trainings.view"),
        NavItem(_("Trainees"), "trainings:trainee_list", "trainings.view"),
        NavItem(_("Employment follow-ups"), "trainings:followup_list", "trainings.view"),
        NavItem(_("Import trainees or follow-ups"), "trainings:import_start", "trainings.manage"),
    ),
)
