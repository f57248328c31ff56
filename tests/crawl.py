"""A crawl of the pages a signed-in user reaches by following the links shown to them, and the
checks every page in Chinese must pass: no error status, no raw float, no figure code, no English
word outside the names a Chinese page may carry."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve

# Links that change state, switch the language or download files are not followed.
SKIPPED_NAME_PARTS = (
    "logout",
    "set_language",
    "export",
    "download",
    "file",
    "template",
    "sheet",
    "slips",
    "qr",
    "paperwork",
    "roster",
    "token",
    "otp",
    "api-",
    "ninja",
)
PER_URL_NAME = 3
RAW_FLOAT = re.compile(r"\d\.\d{4,}")
FIGURE_CODE = re.compile(
    r"\b(?:party|organization|evaluations|workplans|documents|trainings|outreach|honours|teaching"
    r"|students|careers|reports|accounts)\.[a-z_]{3,}\b|\b(?:numerator|denominator|total):"
)
ENGLISH_WORD = re.compile(r"(?<![\w@./:-])[A-Za-z][A-Za-z'-]{2,}(?![\w@/.:-])")
# Names a Chinese page may carry as they are: the product, file formats, standards, the language
# switch's own name of English, and the demo's login names.
ALLOWED_WORDS = {
    "Qingshan",
    "Excel",
    "Word",
    "PDF",
    "DOCX",
    "XLSX",
    "CSV",
    "API",
    "TOTP",
    "English",
    "WeChat",
    "ECharts",
    "GBK",
    "UTF",
    "JPEG",
    "PNG",
    "admin",
    "secretary",
    "head",
    "teacher",
    "counselor",
    "student",
    "bureau",
    "admin2",
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template", "code", "pre"):
            self._hidden += 1
        values = dict(attrs)
        if tag == "a" and values.get("href") and "download" not in values:
            self.links.append(values["href"] or "")
        for name in ("title", "placeholder", "aria-label"):
            if values.get(name):
                self.text.append(values[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template", "code", "pre") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


@dataclass
class Problem:
    url: str
    kind: str
    detail: str
    linked_from: str = ""

    def __str__(self) -> str:
        source = f" (linked from {self.linked_from})" if self.linked_from else ""
        return f"{self.url}: {self.kind}: {self.detail}{source}"


@dataclass
class Crawl:
    visited: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _url_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def _followed(href: str) -> str | None:
    href = urldefrag(href)[0]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(("/static/", "/media/", "/api/")):
        return None
    return href


def check_text(
    url: str, text: str, chinese: bool, allowed: frozenset[str] = frozenset()
) -> list[Problem]:
    problems = [Problem(url, "raw float", m) for m in RAW_FLOAT.findall(text)]
    problems += [Problem(url, "figure code", m) for m in FIGURE_CODE.findall(text)]
    if chinese:
        problems += [
            Problem(url, "English word", word)
            for word in sorted(set(ENGLISH_WORD.findall(text)))
            if word not in ALLOWED_WORDS and word not in allowed
        ]
    return problems


def crawl(
    client: Client,
    *,
    start: str = "/",
    chinese: bool = True,
    limit: int = 400,
    allowed: frozenset[str] = frozenset(),
) -> Crawl:
    """Follow the links shown from ``start``; at most ``PER_URL_NAME`` pages per URL name.
    ``allowed``: more words a Chinese page may carry (the data's own Latin names)."""
    result = Crawl()
    queue: deque[str] = deque([start])
    seen: set[str] = {start}
    linked_from: dict[str, str] = {}
    per_name: dict[str, int] = {}
    while queue and len(result.visited) < limit:
        url = queue.popleft()
        name = _url_name(urlsplit(url).path)
        if name is None or any(part in name for part in SKIPPED_NAME_PARTS):
            continue
        if per_name.get(name, 0) >= PER_URL_NAME:
            continue
        per_name[name] = per_name.get(name, 0) + 1
        response = client.get(url)
        result.visited.append(url)
        if response.status_code >= 400:
            result.problems.append(
                Problem(url, "status", str(response.status_code), linked_from.get(url, ""))
            )
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = _Page()
        page.feed(response.content.decode())
        text = re.sub(r"\s+", " ", " ".join(page.text))
        result.problems += check_text(url, text, chinese, allowed)
        for href in page.links:
            followed = _followed(href)
            if followed and followed not in seen:
                seen.add(followed)
                linked_from[followed] = url
                queue.append(followed)
    return result
