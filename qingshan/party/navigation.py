"""The party app's sections of the menu (see ``qingshan.core.navigation``)."""

from django.utils.translation import gettext_lazy as _

from qingshan.core.navigation import NavItem, section

section(
    "party",
    title=_("Party"),
    order=30,
    items=(
        NavItem(_("Branch"), "party:branch", "party.view"),
        NavItem(_("Members"), "party:member_list", "party.view"),
        NavItem(_("Recruitment"), "party:recruit_board", "party.view"),
        NavItem(_("Meetings and study"), "party:meeting_list", "party.view"),
        NavItem(_("Meeting compliance"), "party:compliance", "party.view"),
        NavItem(_("Mentoring pairs"), "party:mentoring_list", "party.view"),
        NavItem(_("Democratic appraisal"), "party:appraisal_list", "party.view"),
        NavItem(_("Party dues"), "party:dues", "party.view"),
        NavItem(_("Import members or recruits"), "party:import_start", "party.manage"),
    ),
)
