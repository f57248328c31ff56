"""A summary's content, built once from the template and the figures, then written out as an HTML
page, a DOCX or a PDF. Every figure in the text keeps its key, so the page can link it to its records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation

from qingshan.core import figure_store
from qingshan.core.figure_store import Value
from qingshan.core.figures import Period, Scope, registry
from qingshan.core.numbers import figure_text
from qingshan.reports.enums import BlockKind
from qingshan.reports.tokens import TOKEN, Token, format_value, parse

TREND_YEARS = 5


@dataclass(frozen=True)
class Part:
    """A piece of narrative: plain text, or a figure's formatted value (``key`` set)."""

    text: str
    key: str = ""


@dataclass
class Block:
    kind: str
    parts: list[Part] = field(default_factory=list)
    chart: dict[str, Any] | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    chart_id: str = ""

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


@dataclass
class Content:
    title: str
    year: int
    language: str
    blocks: list[Block]
    results: dict[str, Value]
    used_keys: list[str]

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


class FigureCache:
    """The figures a summary shows, read from the figure store in one go (stored values whose
    records are unchanged, the others computed once)."""

    def __init__(self, scope: Scope, blocks: list[Any], year: int, language: str) -> None:
        self.scope = scope
        wanted: set[tuple[str, int]] = set()
        for block in blocks:
            if block.kind == BlockKind.NARRATIVE:
                tokens = parse(block.text(language))[0]
                wanted |= {(token.key, year) for token in tokens if token.key in registry}
            elif block.kind == BlockKind.CHART:
                years = range(year - TREND_YEARS + 1, year + 1)
                wanted |= {(key, item) for key in block.keys if key in registry for item in years}
            elif block.kind == BlockKind.TABLE:
                wanted |= {(key, year) for key in block.keys if key in registry}
        self.values: dict[tuple[str, int], Value] = {}
        for item_year in {item for _key, item in wanted}:
            keys = sorted({key for key, item in wanted if item == item_year})
            period = Period.year(item_year)
            found = figure_store.values(scope, [period], keys)
            self.values |= {(key, item_year): found[(key, period)] for key in keys}

    def get(self, key: str, year: int) -> Value:
        if (key, year) not in self.values:
            self.values[(key, year)] = figure_store.value(self.scope, Period.year(year), key)
        return self.values[(key, year)]


def _narrative(text: str, year: int, cache: FigureCache, language: str, used: list[str]) -> Block:
    tokens = {token.text: token for token in parse(text)[0]}
    parts, position = [], 0
    for match in TOKEN.finditer(text):
        if match.start() > position:
            parts.append(Part(text[position : match.start()]))
        token = tokens.get(match.group(0))
        if token is None or token.key not in registry:
            parts.append(Part(match.group(0)))  # the checker refuses these before issuing
        else:
            figure = registry.get(token.key)
            value = cache.get(token.key, year).value
            parts.append(Part(format_value(value, figure.unit, token, language), token.key))
            if token.key not in used:
                used.append(token.key)
        position = match.end()
    if position < len(text):
        parts.append(Part(text[position:]))
    return Block(BlockKind.NARRATIVE, parts=parts)


def _chart(keys: list[str], year: int, cache: FigureCache, used: list[str]) -> Block:
    years = list(range(year - TREND_YEARS + 1, year + 1))
    series = []
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
        if key not in used:
            used.append(key)
    return Block(BlockKind.CHART, chart={"years": years, "series": series})


def _table(keys: list[str], year: int, cache: FigureCache, language: str, used: list[str]) -> Block:
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


def build_content(
    *, template: Any, blocks: list[Any], scope: Scope, year: int, language: str
) -> Content:
    """The summary of ``year`` in ``language`` from the template's blocks (in order)."""
    cache = FigureCache(scope, blocks, year, language)
    used: list[str] = []
    built = []
    with translation.override(language):
        for block in blocks:
            if block.kind == BlockKind.HEADING:
                built.append(Block(BlockKind.HEADING, parts=[Part(block.text(language))]))
            elif block.kind == BlockKind.NARRATIVE:
                built.append(_narrative(block.text(language), year, cache, language, used))
            elif block.kind == BlockKind.CHART:
                chart = _chart(block.keys, year, cache, used)
                chart.chart_id = f"summary-chart-{len(built)}"
                built.append(chart)
            else:
                built.append(_table(block.keys, year, cache, language, used))
        results = {key: cache.get(key, year) for key in used}
        title = template.title(language).format(year=year)
    return Content(title, year, language, built, results, used)
