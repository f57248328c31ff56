"""The summary as a PDF with the same text, charts, signature and appendix as the DOCX, in the
official-document format (WeasyPrint; see ``rendering.official`` for the rules)."""

from __future__ import annotations

import base64

from django.template.loader import render_to_string
from django.utils import translation

from qingshan.core.charts import chart_png
from qingshan.reports.enums import BlockKind
from qingshan.reports.rendering.content import Content


def summary_pdf(content: Content) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 (loads Pango and the fonts: only when a PDF is made)

    charts = {}
    for index, block in enumerate(content.blocks):
        if block.kind == BlockKind.CHART and block.chart and block.chart["series"]:
            charts[index] = (
                "data:image/png;base64," + base64.b64encode(chart_png(block.chart)).decode()
            )
    with translation.override(content.language):
        html = render_to_string(
            "reports/summary_print.html",
            {
                "content": content,
                "blocks": [
                    (block, charts.get(index)) for index, block in enumerate(content.blocks)
                ],
                "definitions": content.definitions(),
                "lang": "zh-Hans" if content.language.startswith("zh") else "en",
            },
        )
    return bytes(HTML(string=html).write_pdf())
