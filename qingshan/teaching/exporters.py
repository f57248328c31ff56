"""A teacher's portfolio as an A4 PDF for the annual appraisal (WeasyPrint, the school's CJK
fonts), with the scores over terms drawn as an image."""

from __future__ import annotations

import base64
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from qingshan.core.charts import line_png
from qingshan.teaching.selectors.portfolio import Portfolio, TermScores


def score_series(terms: list[TermScores]) -> tuple[list[str], list[float | None]]:
    """Term names and the mean score of each as a percentage of the rubric's maximum."""
    return (
        [str(row.term) for row in terms],
        [None if row.mean_share is None else round(row.mean_share * 100, 1) for row in terms],
    )


def score_chart(terms: list[TermScores]) -> dict[str, Any]:
    """The ECharts option of the page: the mean score of lessons observed, term by term."""
    labels, values = score_series(terms)
    return {
        "animation": False,  # charts are printed; they must be whole at once
        "color": ["#2f7d4f"],
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 40, "right": 24, "top": 24, "bottom": 56},
        "xAxis": {"type": "category", "data": labels, "axisLabel": {"interval": 0, "rotate": 20}},
        "yAxis": {"type": "value", "min": 0, "max": 100},
        "series": [
            {
                "name": _("mean score of lessons observed, in percent of the rubric"),
                "type": "line",
                "connectNulls": True,
                "data": values,
            }
        ],
    }


def portfolio_pdf(portfolio: Portfolio, *, school_name: str) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 (loads Pango and the fonts: only when a PDF is made)

    labels, values = score_series(portfolio.terms)
    chart = None
    if any(value is not None for value in values):
        png = line_png(
            labels, [(_("mean score of lessons observed, in percent of the rubric"), values)]
        )
        chart = "data:image/png;base64," + base64.b64encode(png).decode()
    html = render_to_string(
        "teaching/portfolio_pdf.html",
        {"portfolio": portfolio, "school_name": school_name, "chart": chart},
    )
    return bytes(HTML(string=html).write_pdf())
