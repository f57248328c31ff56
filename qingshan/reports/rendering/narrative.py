"""A narrative block's text with its tokens resolved: figures, comparisons and record lists.

Invariants:
- a sentence that names a record list and whose every list is empty is left out, so a year with no
  honours gets no sentence about honours rather than "0 honours";
- a list written as paragraphs ends the paragraph before it, gives each record a paragraph of its
  own and starts a new one after it;
- every value the text shows is reported to ``seen`` (is it something, or zero and empty?), for the
  checker's warning about a section that would claim nothing; a sentence left out shows none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from django.utils.translation import gettext as _

from qingshan.core import record_lists
from qingshan.core.figure_store import Value
from qingshan.core.figures import registry as figures
from qingshan.core.record_lists import ListResult, Style
from qingshan.reports.comparisons import change_text, series_text
from qingshan.reports.tokens import TOKEN, Token, format_value, is_chinese, parse

TREND_YEARS = 5
# Sentences end at 。！？ or at . ! ? before a space; no token holds one of these.
SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])(?=\s)")
BREAK = "\n"  # a paragraph break inside a block's parts


class ValueSource(Protocol):
    """Where the narrative reads a figure's value of a year and a record list (``SummaryValues``)."""

    def get(self, key: str, year: int) -> Value: ...

    def listed(self, key: str, year: int) -> ListResult: ...


def _something(value: Any) -> bool:
    return value is not None and value != 0


def _figure_text(token: Token, year: int, values: ValueSource, language: str) -> str:
    figure = figures.get(token.key)
    value = values.get(token.key, year).value
    if token.format == "change":
        previous = values.get(token.key, year - 1).value
        return change_text(value, previous, figure, language)
    if token.format == "previous":
        shown = values.get(token.key, year - 1).value
        return format_value(shown, figure.unit, Token("", token.key), language)
    if token.format == "series":
        years = list(range(year - TREND_YEARS + 1, year + 1))
        series = [values.get(token.key, item).value for item in years]
        return series_text(years, series, figure, language)
    return format_value(value, figure.unit, token, language)


Part = tuple[str, str, str]  # (the figure's or list's key, the text, the named record's page)
Parts = list[Part]


def _plain(text: str) -> Part:
    return ("", text, "")


def _joined(pieces: list[Parts], style: str, *, more: bool, first: bool, language: str) -> Parts:
    """Items (each a list of parts) joined as a phrase or as clauses. A list cut to its ``first``
    items ends with 等 in Chinese, and with "and others" in English when items were left out."""
    chinese = is_chinese(language)
    out: Parts = []
    for index, piece in enumerate(pieces):
        if index:
            last = index == len(pieces) - 1 and not more
            if style == Style.CLAUSES:
                out.append(_plain("；" if chinese else "; "))
            elif chinese:
                out.append(_plain("、"))
            else:
                out.append(_plain(_(" and ") if last else ", "))
        out.extend(piece)
    if chinese and first:
        out.append(_plain("等"))  # 等 closes a list that may be longer, as Chinese writes it
    elif more:
        out.append(_plain(_(" and others")))
    return out


def _list_parts(token: Token, result: ListResult, style: str, language: str) -> Parts:
    """The parts of a list token: each name (linked when it has a record), then its detail."""
    shown = result.items[: token.argument] if token.format == "first" else result.items
    more = len(shown) < len(result.items)
    pieces = [
        [
            (token.key if item.url else "", item.text, item.url),  # a name without a record is text
            *([_plain(item.detail)] if item.detail else []),
        ]
        for item in shown
    ]
    if style != Style.PARAGRAPHS:
        return _joined(pieces, style, more=more, first=token.format == "first", language=language)
    out: Parts = []
    for piece in pieces:
        out.append(_plain(BREAK))
        out.extend(piece)
    out.append(_plain(BREAK))
    return out


def _sentence(
    sentence: str,
    *,
    year: int,
    values: ValueSource,
    language: str,
    used: list[str],
    seen: Callable[[bool], None],
) -> Parts:
    """The parts of one sentence, or none when its every record list is empty."""
    tokens = {token.text: token for token in parse(sentence)[0]}
    lists = [token for token in tokens.values() if token.key in record_lists.registry]
    if lists and not any(values.listed(token.key, year).items for token in lists):
        return []
    parts: Parts = []
    position = 0
    for match in TOKEN.finditer(sentence):
        if match.start() > position:
            parts.append(("", sentence[position : match.start()], ""))
        token = tokens.get(match.group(0))
        if token is not None and token.key in figures:
            parts.append((token.key, _figure_text(token, year, values, language), ""))
            seen(_something(values.get(token.key, year).value))
            if token.key not in used:
                used.append(token.key)
        elif token is not None and token.key in record_lists.registry:
            result = values.listed(token.key, year)
            style = record_lists.registry.get(token.key).style
            parts.extend(_list_parts(token, result, style, language))
            seen(bool(result.items))
        else:
            parts.append(("", match.group(0), ""))  # the checker refuses these before issuing
        position = match.end()
    if position < len(sentence):
        parts.append(("", sentence[position:], ""))
    return parts


def _split(flat: Parts) -> list[Parts]:
    """Parts cut into paragraphs at the breaks, empty paragraphs left out, each trimmed."""
    paragraphs: list[Parts] = [[]]
    for part in flat:
        if part[1] == BREAK and not part[0]:
            paragraphs.append([])
        else:
            paragraphs[-1].append(part)
    kept = [paragraph for paragraph in paragraphs if "".join(p[1] for p in paragraph).strip()]
    for paragraph in kept:
        key, text, url = paragraph[0]
        paragraph[0] = (key, text.lstrip(), url)
        key, text, url = paragraph[-1]
        paragraph[-1] = (key, text.rstrip(), url)
    return kept


def narrative_paragraphs(
    text: str,
    *,
    year: int,
    values: ValueSource,
    language: str,
    used: list[str],
    seen: Callable[[bool], None],
) -> list[Parts]:
    """The paragraphs of ``text`` as ``(key, text, url)`` parts, tokens resolved."""
    flat: Parts = []
    for sentence in SENTENCE_END.split(text):
        flat += _sentence(
            sentence, year=year, values=values, language=language, used=used, seen=seen
        )
    return _split(flat)
