"""Figure tokens in a summary's narrative: ``{{ trainings.trainees }}`` with an optional format.

Formats (the author chooses how a number is written):

- ``{{ key }}``: the value as its unit asks (counts with thousands separators in English, plain in
  Chinese; rates as whole percentages; yuan and mu with thousands separators);
- ``{{ key|thousands }}``: thousands separators in both languages;
- ``{{ key|percent }}`` / ``{{ key|percent:1 }}``: a rate as a percentage with 0 or N decimals;
- ``{{ key|more_than:10 }}``: rounded *down* to a multiple of N — "more than 40" / "40多";
- ``{{ key|about:100 }}``: rounded to the nearest multiple of N — "about 1,500" / "约1500";
  both write the exact number when rounding would say something untrue or empty (below one
  step, "0多"; exactly on a step, "40多" for 40);
- ``{{ key|change }}``, ``{{ key|previous }}``, ``{{ key|series }}``: the figure against its own
  history (``reports.comparisons``).

A token may also name a record list (``core.record_lists``): ``{{ honours.titles }}`` names the
records, ``{{ honours.titles|first:3 }}`` the first three, closed by 等 in Chinese and by "and
others" in English when there are more.

Invariant: a token either resolves to text or is reported by ``find_problems``; nothing is guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from qingshan.core.figures import Unit

TOKEN = re.compile(r"\{\{\s*(?P<body>[^{}]*?)\s*\}\}")
BODY = re.compile(
    r"^(?P<key>[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)"
    r"(?:\|(?P<format>[a-z_]+)(?::(?P<argument>\d+))?)?$"
)
FIGURE_FORMATS = (
    "thousands",
    "percent",
    "more_than",
    "about",
    "change",
    "previous",
    "series",
)
LIST_FORMATS = ("first",)
FORMATS = FIGURE_FORMATS + LIST_FORMATS
STEPPED = ("more_than", "about", "first")


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    format: str = ""
    argument: int | None = None


@dataclass(frozen=True)
class TokenError:
    text: str
    message: str


def parse(text: str) -> tuple[list[Token], list[TokenError]]:
    """The tokens of a text, and the ``{{ … }}`` that are not valid tokens."""
    tokens, errors = [], []
    for match in TOKEN.finditer(text):
        body = BODY.match(match.group("body"))
        if body is None:
            errors.append(TokenError(match.group(0), _("This is not a figure token.")))
            continue
        name = body.group("format") or ""
        argument = int(body.group("argument")) if body.group("argument") else None
        if name and name not in FORMATS:
            errors.append(
                TokenError(match.group(0), _("Unknown format “%(name)s”.") % {"name": name})
            )
            continue
        if name in STEPPED and not argument:
            errors.append(
                TokenError(
                    match.group(0),
                    _("“%(name)s” needs a step, such as %(example)s.")
                    % {"name": name, "example": f"{name}:10"},
                )
            )
            continue
        tokens.append(Token(match.group(0), body.group("key"), name, argument))
    return tokens, errors


def is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def _grouped(number: float, language: str, *, force: bool = False, decimals: int = 0) -> str:
    text = f"{number:,.{decimals}f}" if decimals else f"{round(number):,d}"
    if is_chinese(language) and not force:
        text = text.replace(",", "")
    return text


def format_value(
    value: int | float | Decimal | None, unit: str, token: Token, language: str
) -> str:
    """The text of a figure's value as the token asks; "—" when the figure has no value."""
    if value is None:
        return "—"
    number = float(value)
    chinese = is_chinese(language)
    if token.format == "percent" or (not token.format and unit == Unit.RATE):
        decimals = token.argument or 0 if token.format == "percent" else 0
        return f"{number * 100:.{decimals}f}%"
    exact_decimals = 0 if number == int(number) else 1
    step = token.argument or 1
    if token.format == "more_than":
        floored = math.floor(number / step) * step
        if floored <= 0 or floored == number:  # "0多" or "40多" for exactly 40 would be untrue
            return _grouped(number, language, force=not chinese, decimals=exact_decimals)
        shown = _grouped(floored, language, force=not chinese)
        return f"{shown}多" if chinese else _("more than %(number)s") % {"number": shown}
    if token.format == "about":
        rounded = round(number / step) * step
        if rounded <= 0 or rounded == number:  # "约0" says nothing; an exact value needs no "about"
            return _grouped(number, language, force=not chinese, decimals=exact_decimals)
        shown = _grouped(rounded, language, force=not chinese)
        return f"约{shown}" if chinese else _("about %(number)s") % {"number": shown}
    return _grouped(number, language, force=token.format == "thousands", decimals=exact_decimals)
