"""The organization app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "organisation",
    title=_("Organisation"),
    order=20,
    items=(
        NavItem(_("Departments"), "organization:department_list", "organization.view"),
        NavItem(_("Grade teams"), "organization:gradeteam_list", "organization.view"),
        NavItem(_("Terms"), "organization:term_list", "organization.view"),
        NavItem(_("Majors"), "organization:major_list", "organization.view"),
        NavItem(_("Classes"), "organization:schoolclass_list", "organization.view"),
        NavItem(
            _("Teaching assignments"), "organization:teachingassignment_list", "organization.view"
        ),
    ),
)

section(
    "people",
    title=_("People"),
    order=21,
    items=(
        NavItem(_("Staff"), "organization:staff_list", "organization.view"),
        NavItem(_("Students"), "organization:student_list", "organization.view"),
        NavItem(_("Guardians"), "organization:guardian_list", "organization.view"),
        NavItem(_("Import from Excel"), "organization:import_start", "organization.manage"),
    ),
)
