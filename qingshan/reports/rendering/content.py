"""A summary's content, built once from the template, the figures and the record lists, then written
out as an HTML page, a DOCX or a PDF. Every figure in the text keeps its key, so the page can link
it to its records; every name from a record list keeps its record's page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from qingshan.core import figure_store, record_lists
from qingshan.core.figure_store import Value
from qingshan.core.figures import Period, Scope, registry
from qingshan.core.numbers import figure_text
from qingshan.core.record_lists import ListResult
from qingshan.reports.comparisons import series_text
from qingshan.reports.enums import BlockKind
from qingshan.reports.rendering.narrative import TREND_YEARS, narrative_paragraphs
from qingshan.reports.tokens import Token, format_value, is_chinese, parse

# A heading of the second level: （一） in Chinese, (1) or 1.1 in English.
SECOND_LEVEL = re.compile(r"^\s*(?:（[一二三四五六七八九十]+）|\(\d+\)|\d+\.\d+)")


@dataclass(frozen=True)
class Part:
    """A piece of narrative: plain text, a figure's formatted value (``key`` set), or a name from a
    record list (``key`` the list's, ``url`` the record's page)."""

    text: str
    key: str = ""
    url: str = ""


@dataclass
class Block:
    kind: str
    parts: list[Part] = field(default_factory=list)
    chart: dict[str, Any] | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    chart_id: str = ""
    level: int = 1  # a heading's level
    caption: str = ""  # a chart's series in words, for print

    @property
    def echarts(self) -> dict[str, Any]:
        """The chart as an ECharts option (drawn by static/js/qingshan.js)."""
        chart = self.chart or {"years": [], "series": []}
        return {
            "animation": False,
            "legend": {"top": 0},
            "tooltip": {"renderMode": "richText"},
            "xAxis": {"type": "category", "data": [str(year) for year in chart["years"]]},
            "yAxis": {"type": "value"},
            "series": [
                {"type": "bar", "name": item["label"], "data": item["values"]}
                for item in chart["series"]
            ],
        }

    @property
    def text(self) -> str:
        return "".join(part.text for part in self.parts)


@dataclass(frozen=True)
class Named:
    """A record the text names, for the appendix and the frozen report."""

    key: str
    label: str
    text: str
    url: str
    model: str
    pk: int | None


@dataclass
class Section:
    """A heading, whether each value shown under it is something (not zero, not empty), and how
    many paragraphs, charts and tables stand under it."""

    heading: str
    shown: list[bool] = field(default_factory=list)
    blocks: int = 0

    @property
    def claims_nothing(self) -> bool:
        """Nothing stands under the heading, or every value shown under it is zero or empty."""
        return self.blocks == 0 or (bool(self.shown) and not any(self.shown))


@dataclass
class Content:
    title: str
    year: int
    language: str
    blocks: list[Block]
    results: dict[str, Value]
    used_keys: list[str]
    lists: dict[str, ListResult] = field(default_factory=dict)
    named: list[Named] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    issuer: str = ""
    signed_on: str = ""

    def definitions(self) -> list[dict[str, Any]]:
        """The appendix: each figure used, with its label, unit, definition and value."""
        rows = []
        for key in self.used_keys:
            figure = registry.get(key)
            rows.append(
                {
                    "key": key,
                    "label": str(figure.label),
                    "unit": str(figure.unit_label),
                    "definition": str(figure.definition),
                    "value": figure_text(self.results[key].value, figure.unit),
                }
            )
        return rows

    @property
    def signature_indents(self) -> tuple[float, float]:
        """The organisation's and the date's distance from the right margin, in characters;
        an English summary sets both flush right."""
        if not is_chinese(self.language):
            return 0, 0
        return signature_indents(self.issuer, self.signed_on)

    def empty_sections(self) -> list[str]:
        """The headings of sections with nothing under them, or whose every value is zero or
        empty."""
        return [section.heading for section in self.sections if section.claims_nothing]


class SummaryValues:
    """The figures and record lists a summary shows: figures read from the figure store in one go
    (stored values whose records are unchanged, the others computed once), for the summary's
    year and the years its comparisons and charts reach back to; lists built once each."""

    def __init__(self, scope: Scope, blocks: list[Any], year: int, language: str) -> None:
        self.scope = scope
        self.language = language
        trend = range(year - TREND_YEARS + 1, year + 1)
        wanted: set[tuple[str, int]] = set()
        for block in blocks:
            if block.kind == BlockKind.NARRATIVE:
                for token in parse(block.text(language))[0]:
                    if token.key not in registry:
                        continue
                    wanted.add((token.key, year))
                    if token.format in ("change", "previous"):
                        wanted.add((token.key, year - 1))
                    elif token.format == "series":
                        wanted |= {(token.key, item) for item in trend}
            elif block.kind == BlockKind.CHART:
                wanted |= {(key, item) for key in block.keys if key in registry for item in trend}
            elif block.kind == BlockKind.TABLE:
                wanted |= {(key, year) for key in block.keys if key in registry}
        self.values: dict[tuple[str, int], Value] = {}
        for item_year in {item for _key, item in wanted}:
            keys = sorted({key for key, item in wanted if item == item_year})
            period = Period.year(item_year)
            found = figure_store.values(scope, [period], keys)
            self.values |= {(key, item_year): found[(key, period)] for key in keys}
        self.lists: dict[tuple[str, int], ListResult] = {}

    def get(self, key: str, year: int) -> Value:
        if (key, year) not in self.values:
            self.values[(key, year)] = figure_store.value(self.scope, Period.year(year), key)
        return self.values[(key, year)]

    def listed(self, key: str, year: int) -> ListResult:
        if (key, year) not in self.lists:
            with translation.override(self.language):
                found = record_lists.registry.get(key).evaluate(self.scope, Period.year(year))
            self.lists[(key, year)] = found
        return self.lists[(key, year)]


def _chart(
    keys: list[str], year: int, cache: SummaryValues, language: str, used: list[str]
) -> Block:
    years = list(range(year - TREND_YEARS + 1, year + 1))
    series, captions = [], []
    for key in keys:
        if key not in registry:
            continue
        figure = registry.get(key)
        values = [cache.get(key, item).value for item in years]
        series.append(
            {
                "key": key,
                "label": str(figure.label),
                "unit": figure.unit,
                "values": [None if value is None else float(value) for value in values],
            }
        )
        captions.append(
            _("%(label)s: %(series)s")
            % {"label": figure.label, "series": series_text(years, values, figure, language)}
        )
        if key not in used:
            used.append(key)
    caption = ("；" if is_chinese(language) else "; ").join(captions)
    return Block(BlockKind.CHART, chart={"years": years, "series": series}, caption=caption)


def _table(
    keys: list[str], year: int, cache: SummaryValues, language: str, used: list[str]
) -> Block:
    rows = []
    for key in keys:
        if key not in registry:
            continue
        figure = registry.get(key)
        rows.append(
            {
                "key": key,
                "label": str(figure.label),
                "value": format_value(
                    cache.get(key, year).value, figure.unit, Token("", key), language
                ),
            }
        )
        if key not in used:
            used.append(key)
    return Block(BlockKind.TABLE, rows=rows)


def _named(cache: SummaryValues, year: int, parts: list[Part]) -> list[Named]:
    """The records the text names, once each, in the order it names them."""
    items = {
        (key, item.url): item
        for (key, item_year), result in cache.lists.items()
        if item_year == year
        for item in result.items
        if item.url
    }
    found: dict[tuple[str, str], Named] = {}
    for part in parts:
        item = items.get((part.key, part.url)) if part.url else None
        if item is None or (part.key, part.url) in found:
            continue
        found[(part.key, part.url)] = Named(
            key=part.key,
            label=record_lists.label_of(part.key),
            text=part.text,
            url=part.url,
            model=item.record_model,
            pk=item.record_pk,
        )
    return list(found.values())


def _width(text: str) -> float:
    """A text's width in Chinese characters: half-width letters and digits count a half."""
    return sum(0.5 if ord(char) < 0x2E80 else 1 for char in text)


def signature_indents(issuer: str, date: str) -> tuple[float, float]:
    """How many characters the issuing organisation and the date stand in from the right margin
    (GB/T 9704, unsealed): the organisation two, the date beginning two characters to the right
    of the organisation; a date longer than that stands two in and moves the organisation left."""
    issuer_width, date_width = _width(issuer), _width(date)
    date_indent = issuer_width - date_width  # 2 + width - 2 - date's width
    if date_indent >= 2:
        return 2, date_indent
    return 2 + (2 - date_indent), 2


def signature_date(day: dt.date, language: str) -> str:
    """The date under the issuing organisation's name: 2013年12月31日 / 31 December 2013."""
    if is_chinese(language):
        return f"{day.year}年{day.month}月{day.day}日"
    with translation.override(language):
        return formats.date_format(day, "j F Y")


def build_content(
    *,
    template: Any,
    blocks: list[Any],
    scope: Scope,
    year: int,
    language: str,
    day: dt.date | None = None,
) -> Content:
    """The summary of ``year`` in ``language`` from the template's blocks (in order), signed by
    the signature block's text (else the school's name) on ``day`` (else today)."""
    cache = SummaryValues(scope, blocks, year, language)
    used: list[str] = []
    built: list[Block] = []
    sections = [Section("")]
    signer = ""
    with translation.override(language):
        for block in blocks:
            if block.kind == BlockKind.HEADING:
                text = block.text(language)
                level = 2 if SECOND_LEVEL.match(text) else 1
                built.append(Block(BlockKind.HEADING, parts=[Part(text)], level=level))
                if level == 1:
                    sections.append(Section(text))
            elif block.kind == BlockKind.NARRATIVE:
                for paragraph in narrative_paragraphs(
                    block.text(language),
                    year=year,
                    values=cache,
                    language=language,
                    used=used,
                    seen=sections[-1].shown.append,
                ):
                    parts = [Part(text, key, url) for key, text, url in paragraph]
                    built.append(Block(BlockKind.NARRATIVE, parts=parts))
                    sections[-1].blocks += 1
            elif block.kind == BlockKind.CHART:
                chart = _chart(block.keys, year, cache, language, used)
                chart.chart_id = f"summary-chart-{len(built)}"
                built.append(chart)
                sections[-1].blocks += 1
            elif block.kind == BlockKind.TABLE:
                built.append(_table(block.keys, year, cache, language, used))
                sections[-1].blocks += 1
            elif block.kind == BlockKind.SIGNATURE:
                signer = block.text(language).strip()
        results = {key: cache.get(key, year) for key in used}
        title = template.title(language).format(year=year)
        named = _named(cache, year, [part for block in built for part in block.parts])
        lists = {key: found for (key, item_year), found in cache.lists.items() if item_year == year}
    school_name = scope.schools[0].name if scope.schools else ""
    return Content(
        title=title,
        year=year,
        language=language,
        blocks=built,
        results=results,
        used_keys=used,
        lists=lists,
        named=named,
        sections=[section for section in sections if section.heading or section.blocks],
        issuer=signer or school_name,
        signed_on=signature_date(day or timezone.localdate(), language),
    )
