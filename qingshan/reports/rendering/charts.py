"""Charts of figures over five years as PNG images (for DOCX and PDF), drawn with matplotlib."""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot

CJK_FONTS = ["Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans"]


def chart_png(chart: dict[str, Any], *, width: float = 6.0, height: float = 2.6) -> bytes:
    """A bar chart per series (side by side), years on the x axis."""
    matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False
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
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        pyplot.close(figure)
