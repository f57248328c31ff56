"""Navigation for the shared layout, filtered by what the user may reach at the current school."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    permission: str


NAVIGATION: tuple[tuple[Any, tuple[NavItem, ...]], ...] = (
    (
        _("Overview"),
        (
            NavItem(_("Dashboard"), "reports:dashboard", "core.view_dashboard"),
            NavItem(_("Figures"), "reports:figures", "core.view_figures"),
            NavItem(_("Annual summary"), "reports:summary", "reports.view"),
            NavItem(_("Issued reports"), "reports:issued_list", "reports.view"),
            NavItem(_("County roll-up"), "reports:county", "reports.county"),
        ),
    ),
    (
        _("Organisation"),
        (
            NavItem(_("Departments"), "organization:department_list", "organization.view"),
            NavItem(_("Grade teams"), "organization:gradeteam_list", "organization.view"),
            NavItem(_("Terms"), "organization:term_list", "organization.view"),
            NavItem(_("Majors"), "organization:major_list", "organization.view"),
            NavItem(_("Classes"), "organization:schoolclass_list", "organization.view"),
            NavItem(
                _("Teaching assignments"),
                "organization:teachingassignment_list",
                "organization.view",
            ),
        ),
    ),
    (
        _("People"),
        (
            NavItem(_("Staff"), "organization:staff_list", "organization.view"),
            NavItem(_("Students"), "organization:student_list", "organization.view"),
            NavItem(_("Guardians"), "organization:guardian_list", "organization.view"),
            NavItem(_("Import from Excel"), "organization:import_start", "organization.manage"),
        ),
    ),
    (
        _("Party"),
        (
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
    ),
    (
        _("Documents and regulations"),
        (
            NavItem(_("Document archive"), "documents:document_list", "documents.view"),
            NavItem(_("Import documents"), "documents:import_start", "documents.manage"),
        ),
    ),
    (
        _("Work system"),
        (
            NavItem(_("Month board"), "workplans:month", "workplans.view"),
            NavItem(_("Weekly statuses"), "workplans:weekly", "workplans.view"),
            NavItem(_("Supervision"), "workplans:supervision", "workplans.view"),
            NavItem(_("Responsibility grid"), "workplans:grid", "workplans.view"),
            NavItem(_("Grid check"), "workplans:grid_check", "workplans.view"),
        ),
    ),
    (
        _("Sunshine Project training"),
        (
            NavItem(_("Training rates"), "trainings:rates", "trainings.view"),
            NavItem(_("Courses"), "trainings:course_list", "trainings.view"),
            NavItem(_("Cohorts"), "trainings:cohort_list", "trainings.view"),
            NavItem(_("Trainees"), "trainings:trainee_list", "trainings.view"),
            NavItem(_("Employment follow-ups"), "trainings:followup_list", "trainings.view"),
            NavItem(
                _("Import trainees or follow-ups"), "trainings:import_start", "trainings.manage"
            ),
        ),
    ),
    (
        _("Technology outreach"),
        (
            NavItem(_("Outreach by township"), "outreach:totals", "outreach.view"),
            NavItem(_("Visits"), "outreach:visit_list", "outreach.view"),
            NavItem(_("Technical problems"), "outreach:problem_list", "outreach.view"),
            NavItem(_("Practical things done"), "outreach:practical_list", "outreach.view"),
            NavItem(_("Science popularisation bases"), "outreach:base_list", "outreach.view"),
            NavItem(_("Farm households"), "outreach:household_list", "outreach.view"),
            NavItem(_("Import outreach records"), "outreach:import_start", "outreach.manage"),
        ),
    ),
    (
        _("Honours"),
        (
            NavItem(_("Honours of the school"), "honours:honour_list", "honours.view"),
            NavItem(_("Honours of the branch"), "honours:branchhonour_list", "honours.view"),
            NavItem(_("Commendations"), "honours:commendation_list", "honours.view"),
            NavItem(_("Exemplary deeds"), "honours:story_list", "honours.view"),
            NavItem(_("Import honours or commendations"), "honours:import_start", "honours.manage"),
        ),
    ),
    (
        _("Ratings"),
        (
            NavItem(_("My ratings to give"), "evaluations:rate_home", "core.view_dashboard"),
            NavItem(_("My results"), "evaluations:my_results", "evaluations.view_own"),
            NavItem(_("Rating campaigns"), "evaluations:campaign_list", "evaluations.view"),
            NavItem(_("Instruments"), "evaluations:instrument_list", "evaluations.view"),
            NavItem(_("Follow-ups"), "evaluations:followup_list", "evaluations.manage"),
        ),
    ),
    (
        _("Administration"),
        (
            NavItem(_("Logins and roles"), "accounts:user_list", "accounts.manage_users"),
            NavItem(_("Audit log"), "accounts:audit_log", "accounts.view_audit"),
        ),
    ),
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    school = getattr(request, "school", None)
    if user is None or not user.is_authenticated or school is None:
        return {"nav_sections": []}
    sections = []
    for title, items in NAVIGATION:
        links = [
            {
                "label": item.label,
                "url": reverse(item.url_name),
                "active": request.path == reverse(item.url_name),
            }
            for item in items
            if user.has_perm(item.permission, school)
        ]
        if links:
            sections.append({"title": title, "links": links})
    return {"nav_sections": sections}
