"""Chinese full-text helpers: index tokens, query terms and a highlighted passage. No database here.

PostgreSQL has no Chinese parser, so a document keeps stored search columns of tokens that
PostgreSQL's ``simple`` configuration takes as they are (see docs/documents.md):

* a run of Chinese characters gives each character and each pair of neighbours (unigrams and
  bigrams: "学习制度" → 学 习 制 度 学习 习制 制度);
* a run of letters or digits gives one lower-cased word ("ISO9001" → iso9001).

A query is split into terms at spaces and punctuation; on PostgreSQL each term becomes the
bigrams of its Chinese runs (a lone character: the character) and its words as prefixes, all
required. The passage shown under a result is cut from the original text and escaped before the
matches are wrapped in ``<mark>``, so nothing of the text or the query reaches the page as markup.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
# Letters and digits that are not Chinese characters (and not "_", which \w includes).
_RUNS = re.compile(f"([{_CJK_CLASS}]+)|((?:(?![{_CJK_CLASS}])[^\\W_])+)")
_TERM = re.compile(r"[^\W_]+")

MAX_TERMS = 10
MAX_TERM_LENGTH = 50
MAX_WORD_LENGTH = 60  # longer "words" (hashes, URLs without separators) are cut


def normalise(text: str) -> str:
    """Full-width letters and digits to half-width (NFKC), lower case."""
    return unicodedata.normalize("NFKC", text or "").lower()


def index_tokens(text: str) -> str:
    """The space-separated tokens stored for ``text`` (see the module's docstring)."""
    tokens: list[str] = []
    for chinese, word in _RUNS.findall(normalise(text)):
        if chinese:
            tokens.extend(chinese)
            tokens.extend(chinese[i : i + 2] for i in range(len(chinese) - 1))
        else:
            tokens.append(word[:MAX_WORD_LENGTH])
    return " ".join(tokens)


def query_terms(query: str) -> list[str]:
    """The terms of a search: runs of letters, digits and Chinese characters, at most ten."""
    terms: list[str] = []
    for term in _TERM.findall(normalise(query)):
        term = term[:MAX_TERM_LENGTH]
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def term_tokens(term: str) -> list[tuple[str, bool]]:
    """The index tokens a term must match, each with whether it is a prefix (a word)."""
    tokens: list[tuple[str, bool]] = []
    for chinese, word in _RUNS.findall(term):
        if chinese and len(chinese) == 1:
            tokens.append((chinese, False))
        elif chinese:
            tokens.extend((chinese[i : i + 2], False) for i in range(len(chinese) - 1))
        else:
            tokens.append((word[:MAX_WORD_LENGTH], True))
    return tokens


def _quote(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(terms: list[str]) -> str:
    """A ``to_tsquery`` text requiring every token of every term; "" when there is none.

    Tokens hold only letters, digits and Chinese characters, and are quoted anyway, so a query
    cannot bring tsquery operators of its own.
    """
    parts: list[str] = []
    for term in terms:
        for token, prefix in term_tokens(term):
            part = _quote(token) + (":*" if prefix else "")
            if part not in parts:
                parts.append(part)
    return " & ".join(parts)


def _occurrences(lowered: str, needles: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of the needles in ``lowered``, longest first at a tie."""
    spans: list[tuple[int, int]] = []
    for needle in sorted(needles, key=len, reverse=True):
        start = lowered.find(needle)
        while needle and start != -1:
            end = start + len(needle)
            if not any(start < taken_end and taken_start < end for taken_start, taken_end in spans):
                spans.append((start, end))
            start = lowered.find(needle, end)
    return sorted(spans)


def _needles(lowered: str, terms: list[str]) -> list[str]:
    """The terms found in the text as they are; for a Chinese term that is not, its bigrams."""
    needles = []
    for term in terms:
        if term in lowered:
            needles.append(term)
        else:
            needles.extend(token for token, _prefix in term_tokens(term) if token in lowered)
    return needles


def _comparable(text: str) -> str:
    """The text in the form terms are compared with, character for character where possible."""
    lowered = normalise(text)
    return lowered if len(lowered) == len(text) else text.lower()


def highlight(text: str, terms: list[str], *, radius: int = 60) -> SafeString:
    """The passage of ``text`` around the first match of ``terms``, escaped, matches in <mark>.

    Without a match: the beginning of the text (escaped). Lines are joined with spaces.
    """
    flat = " ".join((text or "").split())
    lowered = _comparable(flat)
    spans = _occurrences(lowered, _needles(lowered, terms)) if len(lowered) == len(flat) else []
    if spans:
        first = spans[0][0]
        start = max(0, first - radius // 2)
        end = min(len(flat), start + 2 * radius)
    else:
        start, end = 0, min(len(flat), 2 * radius)
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(flat[cursor:span_start]))
        pieces.append("<mark>" + escape(flat[span_start:span_end]) + "</mark>")
        cursor = span_end
    pieces.append(escape(flat[cursor:end]))
    pieces.append("…" if end < len(flat) else "")
    return mark_safe("".join(pieces))


def highlight_all(text: str, terms: list[str]) -> SafeString:
    """The whole (short) text, escaped, with every match in <mark> (for titles)."""
    lowered = _comparable(text or "")
    if len(lowered) != len(text or ""):
        return mark_safe(escape(text or ""))
    pieces: list[str] = []
    cursor = 0
    for start, end in _occurrences(lowered, _needles(lowered, terms)):
        pieces.append(escape(text[cursor:start]))
        pieces.append("<mark>" + escape(text[start:end]) + "</mark>")
        cursor = end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces))


def contains_chinese(text: str) -> bool:
    return bool(_CJK_RUN.search(text or ""))
