"""The honours part of /api/v1/: the school's honours, the branch's honours, commendations and
stories (list, read, create, update). Files are uploaded through the pages."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
from ninja import Router

from qingshan.core.api import crud_router
from qingshan.honours.resources import RESOURCES

router = Router(tags=["honours"])

for _resource in RESOURCES:
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
