"""The checker a summary must pass before it is issued.

Errors (issuing is refused): a token that is not a figure token, names no figure or record list,
or uses an unknown format or one that does not fit it (``first`` on a figure, ``change`` on a
list); a placeholder left in (``XX``, ``**``, ``……`` where a number belongs).
Warnings (issuing goes on): numbers typed into the narrative by hand, which no record backs; a
section with nothing under its heading, or whose every figure is zero and every list empty
(``empty_sections``), which would claim "0 honours".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from qingshan.reports.tokens import FIGURE_FORMATS, LIST_FORMATS, TOKEN, parse

PLACEHOLDERS = (
    (re.compile(r"(?<![A-Za-z])X{2,}(?![A-Za-z])"), "XX"),
    (re.compile(r"\*{2,}"), "**"),
    (re.compile(r"(……|\.\.\.)\s*[名人次个项户期份元万亩%％个所]"), "……"),
    (re.compile(r"\d\s*(……|\.\.\.)"), "……"),
)
# Years and document numbers are not figures: 2013年, 〔2013〕5号, 第3, "No. 5".
NOT_FIGURES = re.compile(r"〔\d{4}〕\d+号|(?:19|20)\d{2}\s*(?:年|-|–|/)|第\d+|No\.\s*\d+")
HAND_NUMBER = re.compile(r"\d[\d,，.]*\s*(?:%|％)?")


@dataclass
class Finding:
    block: str
    text: str
    message: str


@dataclass
class CheckResult:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_text(
    block: str,
    text: str,
    known_keys: Iterable[str],
    result: CheckResult,
    list_keys: Iterable[str] = (),
) -> None:
    figures, lists = set(known_keys), set(list_keys)
    tokens, token_errors = parse(text)
    for error in token_errors:
        result.errors.append(Finding(block, error.text, error.message))
    for token in tokens:
        if token.key not in figures and token.key not in lists:
            result.errors.append(
                Finding(block, token.text, _("No figure is called “%(key)s”.") % {"key": token.key})
            )
        elif token.key in figures and token.format in LIST_FORMATS:
            result.errors.append(
                Finding(
                    block,
                    token.text,
                    _("“%(format)s” is for a list of records; “%(key)s” is a figure.")
                    % {"format": token.format, "key": token.key},
                )
            )
        elif token.key in lists and token.format in FIGURE_FORMATS:
            result.errors.append(
                Finding(
                    block,
                    token.text,
                    _("“%(format)s” is for a figure; “%(key)s” is a list of records.")
                    % {"format": token.format, "key": token.key},
                )
            )
    plain = TOKEN.sub(" ", text)
    for pattern, label in PLACEHOLDERS:
        for match in pattern.finditer(plain):
            result.errors.append(
                Finding(
                    block,
                    match.group(0),
                    _("A placeholder (%(label)s) is left in; put a figure token there.")
                    % {"label": label},
                )
            )
    for match in HAND_NUMBER.finditer(NOT_FIGURES.sub(" ", plain)):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 2 or "%" in match.group(0) or "％" in match.group(0):
            result.warnings.append(
                Finding(
                    block,
                    match.group(0).strip(),
                    _(
                        "A number typed by hand: no record backs it. Use a figure token if one exists."
                    ),
                )
            )


def empty_sections(headings: Iterable[str], result: CheckResult) -> None:
    """Warn about each section whose every figure is zero and every list empty."""
    for heading in headings:
        result.warnings.append(
            Finding(
                heading,
                heading,
                _(
                    "Nothing stands under this heading, or every figure under it is zero and every "
                    "list empty: it would claim nothing (“0 honours”). Leave the section out, or "
                    "record what it tells of."
                ),
            )
        )
