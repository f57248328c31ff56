"""Printable QR slips: one slip per rater with the school's name, the instructions, the rater's
label and the one-time link as a QR code; twelve slips per A4 page with cut lines."""

from __future__ import annotations

from collections.abc import Iterable

import segno
from django.template.loader import render_to_string
from weasyprint import HTML

from qingshan.evaluations.models import Campaign, RaterToken


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=1)


def slips_pdf(*, campaign: Campaign, slips: Iterable[tuple[RaterToken, str]]) -> bytes:
    """The slips of ``slips`` (each a token and its link, made just now and shown only here)."""
    rows = [{"token": token, "url": url, "qr": qr_svg(url)} for token, url in slips]
    html = render_to_string(
        "evaluations/slips.html", {"campaign": campaign, "slips": rows, "school": campaign.school}
    )
    return HTML(string=html).write_pdf()
