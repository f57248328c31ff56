"""Template helpers of the training pages: shares as percentages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def percent(value: Any) -> str:
    """A share between 0 and 1 as a percentage with one decimal place; "—" when undefined."""
    if value is None or value == "":
        return "—"
    return f"{float(value) * 100:.1f}%"
