"""Navigation for the shared layout, filtered by what the user may reach at the current school."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from qingshan.core.navigation import sections


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    school = getattr(request, "school", None)
    if user is None or not user.is_authenticated or school is None:
        return {"nav_sections": []}
    shown = []
    for declared in sections():
        links = [
            {
                "label": item.label,
                "url": reverse(item.url_name),
                "active": request.path == reverse(item.url_name),
            }
            for item in declared.items
            if user.has_perm(item.permission, school)
        ]
        if links:
            shown.append({"title": declared.title, "links": links})
    return {"nav_sections": shown}
