"""Shared pieces of /api/v1/: the request's school, one error body, a CRUD router.

Error bodies always look like ``{"error": {"code": str, "message": str, "fields": {name: [str]}}}``.
"""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.orm import create_schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.parser import Parser
from pydantic import AfterValidator, Field, WithJsonSchema, create_model

from qingshan.core.access import access_of
from qingshan.core.models import School
from qingshan.core.params import FIRST_YEAR, LAST_YEAR

MAX_PAGE = 1_000_000


class BodyRefused(Exception):
    """A request body the API does not read; ninja reports it as the cause of its 400."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class JSONObjectParser(Parser):
    """A request body is a JSON object sent as ``application/json``: anything else is refused
    before any endpoint runs (415 for another type, 400 for other JSON, NaN or Infinity)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise BodyRefused(415, _("Send the request body as application/json."))
        try:
            data = json.loads(request.body, parse_constant=_refuse_constant)
        except (ValueError, UnicodeDecodeError):
            raise BodyRefused(400, _("The request body is not valid JSON.")) from None
        if not isinstance(data, dict):
            raise BodyRefused(400, _("The request body must be a JSON object."))
        return data


def _refuse_constant(name: str) -> None:
    raise ValueError(name)  # NaN, Infinity and -Infinity are not JSON numbers


class Pages(PageNumberPagination):
    """Page-number pagination whose page and page size are bounded, so that no page number
    becomes an offset the database cannot hold."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=1000)


def error_body(
    code: str, message: str, fields: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(NinjaValidationError)
    def invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        fields: dict[str, list[str]] = {}
        for item in exc.errors:
            name = ".".join(str(part) for part in item.get("loc", [])[1:]) or "__all__"
            fields.setdefault(name, []).append(str(item.get("msg", "")))
        return respond(request, 422, error_body("invalid", _("The request is not valid."), fields))

    @api.exception_handler(ValidationError)
    def domain_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = (
            {
                name: [str(message) for message in messages]
                for name, messages in exc.message_dict.items()
            }
            if hasattr(exc, "error_dict")
            else {"__all__": [str(m) for m in exc.messages]}
        )
        return respond(request, 422, error_body("invalid", _("The data is not valid."), fields))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(
            request, 401, error_body("unauthenticated", _("A valid API token is required."))
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, 403, error_body("forbidden", _("You may not do this.")))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, error_body("not_found", _("Not found.")))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, BodyRefused):  # ninja wraps the parser's refusal in a 400
            refused = exc.__cause__
            return respond(request, refused.status, error_body("invalid_body", refused.message))
        return respond(request, exc.status_code, error_body("error", str(exc)))


def api_school(request: HttpRequest, permission: str, slug: str | None = None) -> School:
    """The school an API call works on: ``?school=slug``, or the caller's only school.

    The caller's access is the one the token check left on the request (``core.access``)."""
    access = access_of(request)
    if slug:
        school = access.school_by_slug(slug)
    elif len(access.schools) == 1:
        school = access.schools[0]
    else:
        raise HttpError(400, _("Name the school with ?school=<short name>."))
    if school is None or not request.user.has_perm(permission, school):
        raise PermissionDenied
    if permission.endswith(".manage") and access.is_read_only_at(school):
        raise PermissionDenied
    return school


def _without_offset(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError("a time of day is local: give it without an offset")
    return value


# A time of day on the school's clock (a duty slot, a meeting's start): no offset, unlike
# JSON Schema's "time" format, which is an instant's.
LocalTime = Annotated[
    dt.time,
    AfterValidator(_without_offset),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$",
            "description": "A local time of day, HH:MM[:SS], without an offset.",
        }
    ),
]

# A calendar year the school's records can be about (as ``core.params.year_param`` reads it).
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]

FORM_FIELD_TYPES: tuple[tuple[type[forms.Field], Any], ...] = (
    (forms.ModelMultipleChoiceField, list[int]),
    (forms.ModelChoiceField, int),
    (forms.BooleanField, bool),
    (forms.IntegerField, int),
    (forms.DecimalField, Decimal),
    (forms.DateTimeField, dt.datetime),
    (forms.DateField, dt.date),
    (forms.TimeField, LocalTime),
    (forms.TypedChoiceField, str | int),
    (forms.Field, str),
)


def model_defaults(model: Any, names: list[str]) -> dict[str, Any]:
    """Defaults of the model's fields, for a request that leaves them out."""
    defaults = {}
    for name in names:
        field = model._meta.get_field(name)
        if field.has_default():
            defaults[name] = field.get_default()
    return defaults


def input_schema(
    form_class: type[forms.ModelForm[Any]], *, name: str, partial: bool
) -> type[Schema]:
    """A request body with the form's fields (foreign keys as ids); the form itself validates it.

    A field is required unless the request is partial or the model has a default for it.
    """
    fields: dict[str, Any] = {}
    defaults = model_defaults(form_class._meta.model, list(form_class.base_fields))
    for field_name, field in form_class.base_fields.items():
        python_type = next(kind for base, kind in FORM_FIELD_TYPES if isinstance(field, base))
        required = (
            field.required
            and not partial
            and field_name not in defaults
            and not isinstance(field, forms.BooleanField)
        )
        fields[field_name] = (python_type, ...) if required else (python_type | None, None)
    return create_model(name, __base__=Schema, **fields)


def crud_router(
    resource: Any,
    *,
    view_permission: str,
    manage_permission: str,
    create: Callable[..., Any],
    update: Callable[..., Any],
) -> Router:
    """list / read / create / update for a resource, validated by the same form as the pages."""
    model = resource.model
    form_fields = list(resource.form_class._meta.fields)
    local_times = [
        (name, LocalTime | None, None)
        for name in form_fields
        if isinstance(model._meta.get_field(name), models.TimeField)
    ]
    out_schema = create_schema(
        model,
        name=f"{model.__name__}Out",
        fields=["id", *form_fields, "archived_at"],
        custom_fields=local_times,
    )
    in_schema = input_schema(resource.form_class, name=f"{model.__name__}In", partial=False)
    patch_schema = input_schema(resource.form_class, name=f"{model.__name__}Patch", partial=True)
    router = Router(tags=[str(resource.verbose_name_plural)])
    plural = resource.key

    def bound_form(school: School, payload: dict[str, Any], instance: Any = None) -> Any:
        data = (
            model_to_dict(instance, fields=form_fields)
            if instance is not None
            else model_defaults(model, form_fields)
        )
        data = {  # many-to-many values as ids, as a request sends them
            key: [item.pk for item in value] if isinstance(value, list) else value
            for key, value in data.items()
        }
        data.update({key: value for key, value in payload.items() if key in form_fields})
        data = {key: value for key, value in data.items() if value is not None}
        form = resource.form_class(data, instance=instance, school=school)
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        return form

    operation = f"{resource.namespace}_{plural}"

    @router.get(
        f"/{plural}/",
        response=list[out_schema],  # type: ignore[valid-type]
        url_name=f"{plural}_list",
        operation_id=f"{operation}_list",
    )
    @paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
    def list_records(
        request: HttpRequest, school: str | None = None, archived: bool = False
    ) -> Any:
        records = resource.selector(api_school(request, view_permission, school))
        return records.filter(archived_at__isnull=not archived).order_by("pk")

    @router.get(
        f"/{plural}/{{int:pk}}/",
        response=out_schema,
        url_name=f"{plural}_detail",
        operation_id=f"{operation}_read",
    )
    def read_record(request: HttpRequest, pk: int, school: str | None = None) -> Any:
        return get_object_or_404(
            resource.selector(api_school(request, view_permission, school)), pk=pk
        )

    @router.post(
        f"/{plural}/",
        response={201: out_schema},
        url_name=f"{plural}_create",
        operation_id=f"{operation}_create",
    )
    def create_record(request: HttpRequest, payload: in_schema, school: str | None = None) -> Any:  # type: ignore[valid-type]
        target = api_school(request, manage_permission, school)
        form = bound_form(target, payload.dict(exclude_unset=True))  # type: ignore[attr-defined]
        return Status(201, create(school=target, model=model, values=form.values()))

    @router.patch(
        f"/{plural}/{{int:pk}}/",
        response=out_schema,
        url_name=f"{plural}_update",
        operation_id=f"{operation}_update",
    )
    def update_record(
        request: HttpRequest,
        pk: int,
        payload: patch_schema,  # type: ignore[valid-type]
        school: str | None = None,
    ) -> Any:
        target = api_school(request, manage_permission, school)
        record = get_object_or_404(resource.selector(target), pk=pk)
        form = bound_form(target, payload.dict(exclude_unset=True), instance=record)  # type: ignore[attr-defined]
        if not form.has_changed():
            return record  # nothing to write: the record (and its updated_at) stay as they are
        return update(record=record, values=form.values())

    return router
