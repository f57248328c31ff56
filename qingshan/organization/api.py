"""/api/v1/organization/: schools and every record type of the organisation pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from qingshan.accounts.selectors import school_access
from qingshan.core.api import crud_router
from qingshan.organization import services
from qingshan.organization.resources import RESOURCES

router = Router()


class SchoolOut(Schema):
    id: int
    slug: str
    name: str
    short_name: str
    code: str
    authority: str
    roles: list[str]


@router.get("/schools/", response=list[SchoolOut], tags=["schools"], url_name="school_list")
def list_schools(request: HttpRequest) -> Any:
    access = school_access(request.user)
    return [
        {
            "id": school.pk,
            "slug": school.slug,
            "name": school.name,
            "short_name": school.short_name,
            "code": school.code,
            "authority": str(school.authority_id),
            "roles": sorted(access.roles_at(school)),
        }
        for school in access.schools
    ]


for _resource in RESOURCES:
    router.add_router(
        "",
        crud_router(
            _resource,
            view_permission="organization.view",
            manage_permission="organization.manage",
            create=services.create_record,
            update=services.update_record,
        ),
    )
