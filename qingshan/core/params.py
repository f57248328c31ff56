"""Query parameters that many pages read the same way."""

from __future__ import annotations

from typing import overload

from django.http import HttpRequest

FIRST_YEAR, LAST_YEAR = 1990, 2100
MAX_ID = 2**63 - 1  # the largest id a database row can have


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


def id_param(request: HttpRequest, name: str) -> int | None:
    """``?<name>=`` when it is a number a row's id (or a small code such as a weekday) can be,
    otherwise None."""
    try:
        value = int(request.GET.get(name, ""))
    except ValueError:
        return None
    return value if 0 <= value <= MAX_ID else None
