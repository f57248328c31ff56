"""The record-list registry: the names and stories of the annual summary, declared by the app that
owns the records, next to its figures.

A figure is a number; a record list names records: the honours of the year, the partner companies
that hired most graduates, the exemplary deeds with the people they tell of. An app declares a list
in its ``lists.py`` with ``@record_list(...)`` (discovered at start-up like the figures). The function receives
a ``Scope`` and a ``Period`` and returns a ``ListResult``: the items in the order the text names
them, each with the record it names, and the queryset of every record behind the list. It is called
inside the summary's language, so an item's words (a level, a kind) are translated already.

Invariants: list keys are dotted like figure keys and never the key of a figure; an item's text
is what the summary prints, never empty; the same data gives the same items in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

from qingshan.core.figures import KEY_PATTERN, Period, Scope
from qingshan.core.figures import registry as figures


class Style:
    """How a list is written into a sentence."""

    PHRASE = "phrase"  # A、B和C / A, B and C
    CLAUSES = "clauses"  # A；B；C / A; B; C
    PARAGRAPHS = "paragraphs"  # one paragraph per item, the name first

    ALL = (PHRASE, CLAUSES, PARAGRAPHS)


@dataclass(frozen=True)
class ListItem:
    """One named record: ``text`` is its name as printed; ``detail`` the rest of its paragraph
    (for a list of paragraphs); ``record`` the record it names, linked on the page."""

    text: str
    record: Model | None = None
    detail: str = ""

    @property
    def url(self) -> str:
        method = getattr(self.record, "get_absolute_url", None)
        return method() if callable(method) else ""

    @property
    def record_model(self) -> str:
        """The named record's model label (``honours.Honour``), empty when it names none."""
        return self.record._meta.label if self.record is not None else ""

    @property
    def record_pk(self) -> int | None:
        return self.record.pk if self.record is not None else None


@dataclass
class ListResult:
    items: list[ListItem] = field(default_factory=list)
    records: QuerySet[Any] | None = None


@dataclass(frozen=True)
class RecordList:
    key: str
    label: Promise | str
    definition: Promise | str
    style: str
    compute: Callable[[Scope, Period], ListResult]

    def evaluate(self, scope: Scope, period: Period) -> ListResult:
        result = self.compute(scope, period)
        if not isinstance(result, ListResult):
            raise TypeError(f"list {self.key} returned {type(result).__name__}, not ListResult")
        return result


class ListRegistry:
    def __init__(self) -> None:
        self._lists: dict[str, RecordList] = {}

    def register(self, item: RecordList) -> None:
        if not KEY_PATTERN.match(item.key):
            raise ValueError(f"list key {item.key!r} must look like 'app.name'")
        if item.style not in Style.ALL:
            raise ValueError(f"list {item.key} has unknown style {item.style!r}")
        if item.key in figures:
            raise ValueError(f"list {item.key} has the key of a figure")
        if item.key in self._lists and self._lists[item.key].compute is not item.compute:
            raise ValueError(f"list {item.key} is declared twice")
        self._lists[item.key] = item

    def get(self, key: str) -> RecordList:
        return self._lists[key]

    def __iter__(self) -> Iterator[RecordList]:
        return iter(sorted(self._lists.values(), key=lambda item: item.key))

    def __len__(self) -> int:
        return len(self._lists)

    def __contains__(self, key: object) -> bool:
        return key in self._lists

    def keys(self) -> list[str]:
        return sorted(self._lists)


registry = ListRegistry()


def label_of(key: str) -> str:
    """The name readers see for a token's key: a figure's or a record list's label, else the key."""
    if key in figures:
        return str(figures.get(key).label)
    return str(registry.get(key).label) if key in registry else key


def record_list(
    key: str,
    *,
    label: Promise | str,
    definition: Promise | str,
    style: str = Style.PHRASE,
) -> Callable[[Callable[[Scope, Period], ListResult]], Callable[[Scope, Period], ListResult]]:
    """Declare a record list; use as a decorator on the function that builds it."""

    def decorate(
        compute: Callable[[Scope, Period], ListResult],
    ) -> Callable[[Scope, Period], ListResult]:
        registry.register(
            RecordList(key=key, label=label, definition=definition, style=style, compute=compute)
        )
        return compute

    return decorate


def excerpt(text: str, limit: int = 120) -> str:
    """The first sentences of ``text`` that fit in ``limit`` characters (at least the first
    sentence, cut with "…" only when that alone is longer)."""
    flat = " ".join(text.split())
    taken = ""
    for sentence in _sentences(flat):
        if taken and len(taken) + len(sentence) > limit:
            break
        taken += sentence
    if len(taken) > limit:
        return taken[: limit - 1].rstrip() + "…"
    return taken.strip()


def _sentences(text: str) -> list[str]:
    found, start = [], 0
    for index, char in enumerate(text):
        if char in "。！？" or (char in ".!?" and text[index + 1 : index + 2] in (" ", "")):
            found.append(text[start : index + 1])
            start = index + 1
    if start < len(text):
        found.append(text[start:])
    return found


def autodiscover() -> None:
    autodiscover_modules("lists")
