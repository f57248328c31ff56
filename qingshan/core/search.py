"""One search box across the apps: each app says, in ``<app>/search.py``, which of its records
match a query for a user at a school (checking the same permission as its lists and reading
through its scoped selectors), and the search page shows the hits by kind.

Invariant: a source yields only records of the request's school that the user may open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils.functional import Promise

from qingshan.core.models import School
from qingshan.core.sources import Sources

# Hits per kind of record; the page says when there are more and links to the full list.
PER_KIND = 8
MIN_QUERY = 1
MAX_QUERY = 60


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class HitGroup:
    kind: Promise | str
    hits: list[Hit]
    more_url: str = ""


def hit_group(
    kind: Promise | str,
    rows: QuerySet[Any],
    hit: Callable[[Any], Hit],
    *,
    list_url: str = "",
    query: str = "",
) -> HitGroup:
    """A group of at most ``PER_KIND`` hits from ``rows`` (a queryset, sliced here to one more,
    so the page knows there are more); then ``list_url`` with the query links to all of them."""
    found = list(rows[: PER_KIND + 1])
    more = f"{list_url}?{urlencode({'q': query})}" if list_url and len(found) > PER_KIND else ""
    return HitGroup(kind, [hit(row) for row in found[:PER_KIND]], more)


Source = Callable[[School, Any, str], Iterable[HitGroup]]
_sources: Sources[Source] = Sources("search")
source = _sources.register
autodiscover = _sources.autodiscover


def clean_query(raw: str) -> str:
    """The query as searched: trimmed, inner whitespace collapsed, at most ``MAX_QUERY``."""
    return " ".join(raw.split())[:MAX_QUERY]


def search(*, school: School, user: Any, query: str) -> list[HitGroup]:
    """Every source's groups with at least one hit, in the sources' order."""
    if len(query) < MIN_QUERY:
        return []
    return [group for function in _sources for group in function(school, user, query) if group.hits]
