"""The menu of the shared layout, declared by each app in ``<app>/navigation.py`` and discovered
at start-up (like figures), so that adding an app touches no file of ``core``.

An app's module calls ``section(...)`` once per menu section it offers. Sections are shown in
the order of their ``order`` (then title); a link is shown to a user who holds its permission at
the request's school, and a section only when it has a link to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class NavItem:
    label: Promise | str
    url_name: str
    permission: str


@dataclass(frozen=True)
class NavSection:
    key: str
    title: Promise | str
    order: int
    items: tuple[NavItem, ...]


_sections: dict[str, NavSection] = {}


def section(key: str, *, title: Promise | str, order: int, items: tuple[NavItem, ...]) -> None:
    """Declare a menu section; a key declared twice must declare the same section."""
    declared = NavSection(key=key, title=title, order=order, items=items)
    if key in _sections and _sections[key] != declared:
        raise ValueError(f"menu section {key!r} is declared twice")
    _sections[key] = declared


def sections() -> list[NavSection]:
    return sorted(_sections.values(), key=lambda item: (item.order, item.key))


def autodiscover() -> None:
    autodiscover_modules("navigation")
