"""The teacher-development part of /api/v1/: research groups, teacher profiles, lesson events,
training records and mentoring pairs (list, read, create, update). A training created here is
requested, as on the pages: its status changes only through the decision on its page."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
from dataclasses import replace

from ninja import Router

from qingshan.core.api import crud_router
from qingshan.teaching.resources import BY_KEY

router = Router(tags=["teaching"])

# The party's groups are "group" in the API already: the research groups are "researchgroup".
API_RESOURCES = (
    replace(BY_KEY["group"], key="researchgroup"),
    BY_KEY["profile"],
    BY_KEY["lesson"],
    BY_KEY["training"],
    BY_KEY["mentorship"],
)

for _resource in API_RESOURCES:
    router.add_router(
        "",
        crud_router(
            _resource,
            view_permission=_resource.view_permission,
            manage_permission=_resource.manage_permission,
            create=_resource.create,
            update=_resource.update,
        ),
    )
