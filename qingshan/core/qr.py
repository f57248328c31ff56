"""QR codes of links, as data URIs an <img> shows on a page or in a PDF."""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=1)
