"""Query parameters shared by the reports pages."""

from __future__ import annotations

from django.http import HttpRequest


def year_asked(request: HttpRequest) -> int | None:
    """``?year=`` when it is a plausible calendar year, otherwise None."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return None
    return year if 1990 <= year <= 2100 else None
