"""The students' paths section of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "students",
    title=_("Students' paths"),
    order=59,
    items=(
        NavItem(_("My path at school"), "students:path_mine", "students.own_path"),
        NavItem(_("Choose a track or major"), "students:choices_mine", "students.own_path"),
        NavItem(_("Roll changes"), "students:change_list", "students.view"),
        NavItem(_("Choice windows"), "students:choicewindow_list", "students.view"),
        NavItem(_("Graduation"), "students:graduation", "students.read_all"),
        NavItem(_("School-compiled textbooks"), "students:textbook_list", "students.view"),
        NavItem(_("Roll-change rules"), "students:changerule_list", "students.view"),
        NavItem(_("Import paths and roll changes"), "students:import_start", "students.manage"),
    ),
)
