"""Query parameters that many pages read the same way."""

from __future__ import annotations

from typing import overload

from django.http import HttpRequest

FIRST_YEAR, LAST_YEAR = 1990, 2100


@overload
def year_param(request: HttpRequest) -> int | None: ...
@overload
def year_param(request: HttpRequest, default: int) -> int: ...
def year_param(request: HttpRequest, default: int | None = None) -> int | None:
    """``?year=`` when it is a plausible calendar year (1990–2100), otherwise ``default``."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return default
    return year if FIRST_YEAR <= year <= LAST_YEAR else default
