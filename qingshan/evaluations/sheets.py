"""Printable QR slips: one slip per rater with the school's name, the instructions, the rater's
label and the one-time link as a QR code; twelve slips per A4 page with cut lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.document import Document

from qingshan.core.qr import qr_svg
from qingshan.evaluations.models import Campaign, RaterToken


def _slips_html(
    campaign: Campaign, slips: Iterable[tuple[RaterToken, str]], heading: str = ""
) -> str:
    rows = [{"token": token, "url": url, "qr": qr_svg(url)} for token, url in slips]
    return render_to_string(
        "evaluations/slips.html",
        {"campaign": campaign, "slips": rows, "school": campaign.school, "heading": heading},
    )


def slips_pdf(*, campaign: Campaign, slips: Iterable[tuple[RaterToken, str]]) -> bytes:
    """The slips of ``slips`` (each a token and its link, made just now and shown only here)."""
    return bytes(HTML(string=_slips_html(campaign, slips)).write_pdf())


def class_slips(
    *, campaign: Campaign, heading: str, slips: Iterable[tuple[RaterToken, str]]
) -> Document:
    """One class's slips laid out (the slow part), headed by the class's name, to be bound with
    the others by ``bind``."""
    return HTML(string=_slips_html(campaign, slips, heading)).render()


def bind(documents: Sequence[Document]) -> bytes:
    """The classes' slips in one PDF, each class starting on a new page."""
    pages = [page for document in documents for page in document.pages]
    return bytes(documents[0].copy(pages).write_pdf())
