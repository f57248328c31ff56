"""URL × role rows of the honours app: every URL name of the app has a row here."""

from __future__ import annotations

from typing import Any

EXPECTED: dict[str, dict[Any, int]] = {}
# URL names whose arguments are not just the pk of the record named by their prefix.
EXTRA_ARGS: dict[str, Any] = {}
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    return {}
