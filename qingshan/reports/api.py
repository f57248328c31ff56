"""/api/v1/reports/: every figure of a school and year with its definition and value, the records
behind a figure, and the records the summary names (its record lists)."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Router, Schema
from ninja.pagination import paginate

from qingshan.core.api import Pages, Year, api_school
from qingshan.core.figures import Scope, as_json_value, registry
from qingshan.reports.enums import ReportLanguage
from qingshan.reports.selectors import dashboard as selectors
from qingshan.reports.selectors.summary import record_list_table

router = Router(tags=["reports"])


class FigureOut(Schema):
    key: str
    label: str
    unit: str
    definition: str
    value: float | int | None
    breakdown: dict[str, Any]
    records_url: str


class RecordOut(Schema):
    id: int
    model: str
    text: str

    @staticmethod
    def resolve_model(obj: Any) -> str:
        return str(obj._meta.label)

    @staticmethod
    def resolve_text(obj: Any) -> str:
        return str(obj)


class NamedOut(Schema):
    text: str
    detail: str
    model: str
    id: int | None


class RecordListOut(Schema):
    key: str
    label: str
    definition: str
    style: str
    items: list[NamedOut]


def _year(year: Year | None) -> int:
    return year if year is not None else timezone.localdate().year


@router.get("/figures/", response=list[FigureOut], url_name="figure_values")
def figures(request: HttpRequest, year: Year | None = None, school: str | None = None) -> Any:
    target = api_school(request, "reports.view", school)
    chosen = _year(year)
    return [
        {
            "key": row["figure"].key,
            "label": str(row["figure"].label),
            "unit": row["figure"].unit,
            "definition": str(row["figure"].definition),
            "value": as_json_value(row["result"].value),
            "breakdown": {
                name: as_json_value(value) for name, value in row["result"].breakdown.items()
            },
            "records_url": f"/api/v1/reports/figures/{row['figure'].key}/records/?year={chosen}&school={target.slug}",
        }
        for row in selectors.figure_table(scope=Scope.of_school(target), year=chosen)
    ]


@router.get("/figures/{key}/records/", response=list[RecordOut], url_name="figure_records")
@paginate(Pages, page_size=100)
def figure_records(
    request: HttpRequest, key: str, year: Year | None = None, school: str | None = None
) -> Any:
    target = api_school(request, "reports.view", school)
    if key not in registry:
        raise Http404
    _result, records = selectors.figure_records(school=target, key=key, year=_year(year))
    return records if records is not None else []


@router.get("/lists/", response=list[RecordListOut], url_name="record_lists")
def record_lists(request: HttpRequest, year: Year | None = None, school: str | None = None) -> Any:
    """The records each list of the summary names for the school and year, in the language of
    the request (Accept-Language)."""
    target = api_school(request, "reports.view", school)
    language = get_language() or "zh-hans"
    return record_list_table(
        scope=Scope.of_school(target),
        year=_year(year),
        language=language if language in ReportLanguage.values else "zh-hans",
    )
