"""htmx helpers: an htmx request gets the named partial of the same template, not a second template."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    partial: str = "content",
    status: int = 200,
) -> HttpResponse:
    is_htmx = bool(getattr(request, "htmx", False)) and not getattr(request.htmx, "boosted", False)  # type: ignore[attr-defined]
    name = f"{template}#{partial}" if is_htmx else template
    return render(request, name, context, status=status)
