"""Exports of the teaching app: submitted observations in the layout of their import (so a
sheet exported, corrected and imported elsewhere reads the same), and a teacher's portfolio as
an A4 PDF for the annual appraisal (WeasyPrint, the school's CJK fonts) with the scores over
terms drawn as an image."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from qingshan.core.charts import line_png
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.models import Observation, ObservationScore
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


def observation_rows(observations: QuerySet[Observation]) -> Iterator[dict[str, Any]]:
    """Rows of ``importers.observations.OBSERVATION_SHEET``, submitted observations only."""
    ordered = ObservationScore.objects.order_by("item__position", "item_id")
    rows = (
        observations.filter(status=ObservationStatus.SUBMITTED)
        .select_related("observer", "teacher", "school_class")
        .prefetch_related(Prefetch("scores", queryset=ordered))
    )
    for row in rows.iterator(chunk_size=500):
        yield {
            "observer": row.observer.staff_no,
            "teacher": row.teacher.staff_no,
            "observed_on": row.observed_on,
            "periods": row.periods,
            "school_class": row.school_class.name if row.school_class else "",
            "subject": row.subject,
            "topic": row.topic,
            "kind": row.get_kind_display(),
            "venue": row.get_venue_display(),
            "scores": ", ".join(str(score.points) for score in row.scores.all()),
            "strengths": row.strengths,
            "suggestions": row.suggestions,
        }
