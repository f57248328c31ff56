"""The outreach records on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.records import Related, Resource
from qingshan.outreach import filters, forms, selectors, services


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="outreach",
        view_permission="outreach.view",
        manage_permission="outreach.manage",
        exportable=True,
        create=services.create,
        update=services.update,
        **options,
    )


RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="visit",
        selector=selectors.visits,
        form_class=forms.VisitForm,
        filterset_class=filters.VisitFilter,
        columns=("date", "township", "village", "topic", "team"),
        related=(
            Related(
                _("Materials handed out"),
                lambda record: record.handouts.all(),
                ("title", "kind", "count"),
            ),
            Related(
                _("Technical problems"),
                lambda record: record.problems.all(),
                ("description", "field", "solved_on", "verified_by"),
            ),
            Related(
                _("Practical things done"),
                lambda record: record.practical_things.all(),
                ("description", "beneficiaries"),
            ),
            Related(
                _("Households served"),
                lambda record: record.households_served.select_related("household"),
                ("household", "help_given"),
            ),
        ),
    ),
    _resource(
        key="handout",
        selector=selectors.handouts,
        form_class=forms.HandoutForm,
        filterset_class=filters.HandoutFilter,
        columns=("title", "kind", "count", "visit"),
    ),
    _resource(
        key="problem",
        selector=selectors.problems,
        form_class=forms.TechProblemForm,
        filterset_class=filters.TechProblemFilter,
        columns=("description", "township", "field", "raised_on", "solved_on", "verified_by"),
    ),
    _resource(
        key="practical",
        selector=selectors.practical_things,
        form_class=forms.PracticalThingForm,
        filterset_class=filters.PracticalThingFilter,
        columns=("description", "date", "township", "village", "beneficiaries"),
    ),
    _resource(
        key="base",
        selector=selectors.bases,
        form_class=forms.ScienceBaseForm,
        filterset_class=filters.ScienceBaseFilter,
        columns=("name", "township", "host", "since", "until"),
    ),
    _resource(
        key="household",
        selector=selectors.households,
        form_class=forms.HouseholdForm,
        filterset_class=filters.HouseholdFilter,
        columns=("head", "township", "village", "specialty", "is_demonstration"),
        related=(
            Related(
                _("Visits"),
                lambda record: record.visits.select_related("visit"),
                ("visit", "help_given"),
            ),
        ),
    ),
    _resource(
        key="served",
        selector=selectors.served,
        form_class=forms.HouseholdVisitForm,
        filterset_class=filters.HouseholdVisitFilter,
        columns=("household", "visit", "help_given"),
    ),
)

BY_KEY = {resource.key: resource for resource in RESOURCES}
