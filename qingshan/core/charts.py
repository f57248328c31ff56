"""Charts as PNG images for DOCX and PDF (which run no script), drawn with matplotlib in the
school's CJK fonts: bars of figures over years, lines of a person's scores over terms."""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot

CJK_FONTS = ["Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans"]


def _use_cjk_fonts() -> None:
    matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False


def _png(figure: Any) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_png(chart: dict[str, Any], *, width: float = 6.0, height: float = 2.6) -> bytes:
    """A bar chart per series (side by side), years on the x axis."""
    _use_cjk_fonts()
    years = [str(year) for year in chart["years"]]
    series = chart["series"]
    figure, axes = pyplot.subplots(figsize=(width, height), dpi=150)
    try:
        count = max(len(series), 1)
        bar_width = 0.8 / count
        for index, item in enumerate(series):
            positions = [x + (index - (count - 1) / 2) * bar_width for x in range(len(years))]
            values = [value if value is not None else 0 for value in item["values"]]
            axes.bar(positions, values, width=bar_width, label=item["label"])
        axes.set_xticks(range(len(years)), years)
        axes.spines[["top", "right"]].set_visible(False)
        if len(series) > 1:
            axes.legend(frameon=False, fontsize=8)
        elif series:
            axes.set_title(series[0]["label"], fontsize=10)
        return _png(figure)
    finally:
        pyplot.close(figure)


def line_png(
    labels: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    width: float = 6.0,
    height: float = 2.4,
) -> bytes:
    """One line per named series over ``labels`` (terms, say); a missing value is a gap."""
    _use_cjk_fonts()
    figure, axes = pyplot.subplots(figsize=(width, height), dpi=150)
    try:
        for name, values in series:
            axes.plot(
                range(len(labels)),
                [float("nan") if value is None else value for value in values],
                marker="o",
                label=name,
            )
        axes.set_xticks(range(len(labels)), labels, fontsize=7)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(frameon=False, fontsize=8)
        return _png(figure)
    finally:
        pyplot.close(figure)
