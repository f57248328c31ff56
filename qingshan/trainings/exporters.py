"""Excel/CSV exports of the record lists of the trainings, outreach and honours apps: the
record's fields headed in both languages; resident ID numbers and contacts masked for those
without personal-data rights."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from qingshan.core.import_views import XLSX, attachment
from qingshan.core.records import Resource, school_for
from qingshan.core.tabular.writing import write_csv, write_xlsx
from qingshan.core.templatetags.qs import mask_identifier
from qingshan.organization.exporters import generic_sheet

PERSONAL_FIELDS = frozenset({"id_number", "phone"})


def _display(record: Any, name: str) -> Any:
    field = record._meta.get_field(name)
    if getattr(field, "choices", None):
        return getattr(record, f"get_{name}_display")()
    value = getattr(record, name)
    if value is None:
        return ""
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (int, float, str, bool)) or hasattr(value, "isoformat"):
        return value
    return str(value)


def export_rows(
    records: QuerySet[Any], names: tuple[str, ...], *, mask: bool
) -> Iterator[dict[str, Any]]:
    for record in records.iterator(chunk_size=2000):
        row = {name: _display(record, name) for name in names}
        if mask:
            row = {
                key: mask_identifier(str(value)) if key in PERSONAL_FIELDS and value else value
                for key, value in row.items()
            }
        yield row


@login_required
def record_export(request: HttpRequest, resource: Resource) -> HttpResponse:
    school = school_for(request, resource.view_permission)
    filterset = resource.filterset_class(
        request.GET or None, queryset=resource.selector(school), school=school
    )
    mask = resource.personal_permission is not None and not request.user.has_perm(
        resource.personal_permission, school
    )
    sheet = generic_sheet(resource)
    rows = export_rows(filterset.qs.order_by("pk"), tuple(c.key for c in sheet.columns), mask=mask)
    language = translation.get_language()
    stamp = timezone.localdate().isoformat()
    if request.GET.get("format") == "csv":
        return attachment(
            write_csv(sheet, rows, language=language),
            f"{resource.key}-{stamp}.csv",
            "text/csv; charset=utf-8",
        )
    return attachment(
        write_xlsx(sheet, rows, language=language), f"{resource.key}-{stamp}.xlsx", XLSX
    )
