"""Careers' record types on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.careers import filters
from qingshan.careers.forms import alumni as alumni_forms
from qingshan.careers.forms import destinations as destination_forms
from qingshan.careers.forms import register as register_forms
from qingshan.careers.selectors import alumni, destinations, register
from qingshan.careers.services import alumni as alumni_services
from qingshan.careers.services import destinations as destination_services
from qingshan.careers.services import enterprises as enterprise_services
from qingshan.core.masking import MASKED_FIELDS
from qingshan.core.records import Related, Resource
from qingshan.honours import selectors as honours

# A graduate's phone and pay are read in full by the keepers only.
PERSONAL = MASKED_FIELDS | {"phone", "salary", "starting_salary"}


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="careers",
        view_permission="careers.view",
        manage_permission="careers.manage",
        personal_permission="careers.view_personal",
        masked_fields=PERSONAL,
        exportable=True,
        **options,
    )


REGISTER_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="enterprise",
        selector=register.enterprises,
        form_class=register_forms.EnterpriseForm,
        filterset_class=filters.EnterpriseFilter,
        columns=("name", "credit_code", "city", "sector", "size", "contact_name"),
        create=enterprise_services.create_enterprise,
        update=enterprise_services.update_enterprise,
        related=(
            Related(
                _("Cooperation agreements"),
                lambda record: record.agreements.all(),
                ("title", "starts_on", "ends_on", "places_per_year", "renews_on"),
            ),
            Related(
                _("Order classes"),
                lambda record: record.order_classes.all(),
                ("name", "starts_on", "ends_on", "hiring_commitment"),
            ),
        ),
    ),
    _resource(
        key="agreement",
        selector=register.agreements,
        form_class=register_forms.AgreementForm,
        filterset_class=filters.AgreementFilter,
        columns=("enterprise", "title", "starts_on", "ends_on", "places_per_year", "renews_on"),
        create=enterprise_services.create_agreement,
        update=enterprise_services.update_agreement,
        related=(
            Related(
                _("Feedback from the League branches that led to a change"),
                lambda record: record.feedback.select_related("branch"),
                ("branch", "received_on", "topic", "response"),
            ),
        ),
    ),
    _resource(
        key="orderclass",
        selector=register.order_classes,
        form_class=register_forms.OrderClassForm,
        filterset_class=filters.OrderClassFilter,
        columns=("name", "enterprise", "school_class", "starts_on", "ends_on", "trained"),
        column_labels={"trained": _("students trained")},
        detail_fields=(
            "name",
            "enterprise",
            "agreement",
            "school_class",
            "starts_on",
            "ends_on",
            "curriculum",
            "company_share",
            "hiring_commitment",
            "note",
        ),
        create=enterprise_services.create_order_class,
        update=enterprise_services.update_order_class,
        related=(
            Related(
                _("Students trained"),
                lambda record: record.students.select_related("school_class"),
                ("student_no", "name", "school_class", "status"),
            ),
            Related(
                _("Graduates placed through the order class"),
                lambda record: record.destinations.select_related("student", "enterprise"),
                ("student", "graduated_on", "kind", "employer", "starting_salary"),
            ),
        ),
    ),
)

DESTINATION_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="destination",
        selector=destinations.destinations,
        form_class=destination_forms.DestinationForm,
        filterset_class=filters.DestinationFilter,
        columns=("student", "graduated_on", "kind", "employer", "region", "matches_major"),
        detail_fields=(
            "student",
            "graduated_on",
            "kind",
            "employer",
            "enterprise",
            "region",
            "sector",
            "matches_major",
            "labour_contract",
            "social_insurance",
            "channel",
            "order_class",
            "starting_salary",
            "salary",
            "recorded_on",
            "note",
        ),
        create=destination_services.record_destination,
        update=destination_services.update_destination,
        detail_template="careers/destination_detail.html",
        related=(
            Related(
                pgettext_lazy("graduate", "Follow-ups"),
                lambda record: record.follow_ups.all(),
                ("months", "due_on", "method", "answered_on", "kind", "employer"),
            ),
        ),
    ),
    _resource(
        key="followuppoint",
        selector=register.follow_up_points,
        form_class=destination_forms.FollowUpPointForm,
        filterset_class=filters.FollowUpPointFilter,
        columns=("months", "link_days"),
    ),
)

ALUMNI_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="alumnus",
        selector=alumni.listed_at,
        form_class=alumni_forms.AlumnusForm,
        filterset_class=filters.AlumnusFilter,
        columns=("student", "city", "occupation", "notable", "consented_on"),
        create=alumni_services.add_alumnus,
        detail_template="careers/alumnus_detail.html",
        detail_extra=lambda record: {
            "stories": honours.stories(record.school).filter(alumnus=record.student_id)
        },
    ),
    _resource(
        key="leaguebranch",
        selector=alumni.branches,
        form_class=alumni_forms.LeagueBranchForm,
        filterset_class=filters.LeagueBranchFilter,
        columns=("name", "region", "founded_on", "secretary", "member_count"),
        column_labels={"member_count": pgettext_lazy("league branch", "members")},
        detail_fields=("name", "region", "founded_on", "secretary", "note"),
        create=alumni_services.create_branch,
        update=alumni_services.update_branch,
        related=(
            Related(
                pgettext_lazy("league branch", "Members"),
                lambda record: record.members.select_related("student"),
                ("student", "joined_on", "left_on"),
            ),
            Related(
                _("Activities"),
                lambda record: record.activities.all(),
                ("held_on", "title", "attendance"),
            ),
            Related(
                _("Feedback"),
                lambda record: record.feedback.select_related("agreement"),
                ("received_on", "topic", "reported_wage", "agreement", "response"),
            ),
        ),
    ),
    _resource(
        key="branchmember",
        selector=alumni.members,
        form_class=alumni_forms.BranchMemberForm,
        filterset_class=filters.BranchMemberFilter,
        columns=("branch", "student", "joined_on", "left_on"),
        create=alumni_services.add_member,
        update=alumni_services.update_member,
    ),
    _resource(
        key="branchactivity",
        selector=alumni.activities,
        form_class=alumni_forms.BranchActivityForm,
        filterset_class=filters.BranchActivityFilter,
        columns=("branch", "held_on", "title", "attendance"),
        create=alumni_services.record_activity,
    ),
    _resource(
        key="branchfeedback",
        selector=alumni.feedback,
        form_class=alumni_forms.BranchFeedbackForm,
        filterset_class=filters.BranchFeedbackFilter,
        columns=("branch", "received_on", "topic", "agreement", "response"),
        create=alumni_services.record_feedback,
    ),
)
