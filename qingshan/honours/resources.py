"""The honours records on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.records import Related, Resource
from qingshan.honours import filters, forms, selectors, services

HONOUR_COLUMNS = ("title", "level", "issuer", "awarded_on")
STORY_COLUMNS = ("title", "person_name", "told_on")


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="honours",
        view_permission="honours.view",
        exportable=True,
        detail_template="honours/detail.html",
        **options,
    )


RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="honour",
        selector=selectors.school_honours,
        manage_permission="honours.manage",
        form_class=forms.HonourForm,
        filterset_class=filters.HonourFilter,
        columns=HONOUR_COLUMNS,
        create=services.create_school_honour,
        update=services.update_school_honour,
        related=(Related(_("Stories"), lambda record: record.stories.all(), STORY_COLUMNS),),
    ),
    _resource(
        key="branchhonour",
        selector=selectors.branch_honours,
        manage_permission="honours.manage_branch",
        form_class=forms.HonourForm,
        filterset_class=filters.HonourFilter,
        columns=HONOUR_COLUMNS,
        create=services.create_branch_honour,
        update=services.update_branch_honour,
        related=(Related(_("Stories"), lambda record: record.stories.all(), STORY_COLUMNS),),
    ),
    _resource(
        key="commendation",
        selector=selectors.commendations,
        manage_permission="honours.manage_branch",
        form_class=forms.CommendationForm,
        filterset_class=filters.CommendationFilter,
        columns=("title", "member", "staff", "person_name", "level", "awarded_on"),
        create=services.commend,
        update=services.update_commendation,
        related=(Related(_("Stories"), lambda record: record.stories.all(), STORY_COLUMNS),),
    ),
    _resource(
        key="story",
        selector=selectors.stories,
        manage_permission="honours.manage_branch",
        form_class=forms.StoryForm,
        filterset_class=filters.StoryFilter,
        columns=STORY_COLUMNS,
        create=services.tell_story,
        update=services.update_story,
    ),
)

BY_KEY = {resource.key: resource for resource in RESOURCES}
