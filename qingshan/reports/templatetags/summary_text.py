"""How a summary template reads to its editors in a list: tokens as the names of their figures or
record lists."""

from __future__ import annotations

import re

from django import template

from qingshan.core import record_lists
from qingshan.reports.tokens import BODY, TOKEN

register = template.Library()


@register.filter
def figure_label(key: str) -> str:
    """The figure's or record list's name in the reader's language (else its key)."""
    return record_lists.label_of(key)


@register.filter
def tokens_as_names(text: str) -> str:
    """``学校设党支部，下设{{ party.groups }}个党小组`` → ``学校设党支部，下设〔党小组〕个党小组``."""

    def named(match: re.Match[str]) -> str:
        body = BODY.match(match.group("body"))
        return f"〔{record_lists.label_of(body.group('key'))}〕" if body else match.group(0)

    return TOKEN.sub(named, text)


@register.filter
def keys_as_names(keys: str) -> str:
    """A chart block's figure keys (space-separated) as the figures' names, joined by 、."""
    return "、".join(record_lists.label_of(key) for key in keys.split())
