"""Validators for identifiers used across apps.

Resident ID numbers (居民身份证号码, GB 11643-1999): 18 characters, a 6-digit region code,
the birth date ``YYYYMMDD``, a 3-digit sequence (odd for men, even for women) and a check
character from ISO 7064 MOD 11-2 (``0``–``9`` or ``X``).

Invariants: ``validate_resident_id`` accepts exactly what ``normalize_resident_id`` maps to a
canonical ID (so a lowercase ``x`` passes; store the normalised form), and
``make_resident_id`` only returns numbers that ``validate_resident_id`` accepts.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"
_SHAPE = re.compile(r"[1-9][0-9]{16}[0-9X]")
_EARLIEST_BIRTH = dt.date(1900, 1, 1)


def resident_id_check_character(first17: str) -> str:
    """The check character for the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARACTERS[total % 11]


def normalize_resident_id(value: str) -> str:
    """Canonical form: half-width, no spaces, uppercase ``X``."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value))).upper()


def validate_resident_id(value: str) -> None:
    """Raise ``ValidationError`` unless ``value`` is a well-formed resident ID number."""
    number = normalize_resident_id(value)
    if len(number) != 18:
        raise ValidationError(
            _("A resident ID number has 18 characters; “%(value)s” has %(length)s."),
            code="resident_id_length",
            params={"value": value, "length": len(number)},
        )
    if not _SHAPE.fullmatch(number):
        raise ValidationError(
            _("“%(value)s” is not a resident ID number: it must be 17 digits and a digit or X."),
            code="resident_id_characters",
            params={"value": value},
        )
    if _birth_date(number) is None:
        raise ValidationError(
            _("“%(value)s” is not a resident ID number: it holds no valid birth date."),
            code="resident_id_birth_date",
            params={"value": value},
        )
    if resident_id_check_character(number[:17]) != number[17]:
        raise ValidationError(
            _("“%(value)s” is not a valid resident ID number: check it for a typing mistake."),
            code="resident_id_checksum",
            params={"value": value},
        )


def clean_resident_id(value: str) -> str:
    """The canonical form of a valid resident ID number; raises ``ValidationError``."""
    validate_resident_id(value)
    return normalize_resident_id(value)


def resident_id_birth_date(value: str) -> dt.date:
    """The birth date of a valid resident ID number; raises ``ValidationError`` otherwise."""
    number = clean_resident_id(value)
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def make_resident_id(region_code: str, birth: dt.date, sequence: int) -> str:
    """A valid resident ID number (for demo data and tests); ``ValueError`` on bad input."""
    if not re.fullmatch(r"[1-9]\d{5}", region_code):
        raise ValueError(f"region code must be 6 digits not starting with 0: {region_code!r}")
    if not _EARLIEST_BIRTH <= birth <= timezone.localdate():
        raise ValueError(f"birth date out of range: {birth}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be between 0 and 999: {sequence}")
    first17 = f"{region_code}{birth:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_character(first17)


def _birth_date(number: str) -> dt.date | None:
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    return birth if _EARLIEST_BIRTH <= birth <= timezone.localdate() else None


# Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from 31 (digits
# and capitals without I, O, S, V, Z): the registering authority, the kind of body, a 6-digit
# region code, the 9-character organisation code, and a check character (weighted mod 31).
CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_SHAPE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")


def credit_code_check_character(first17: str) -> str:
    """The check character of a unified social credit code's first 17 characters."""
    total = sum(
        CREDIT_CODE_CHARACTERS.index(character) * weight
        for character, weight in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARACTERS[(31 - total % 31) % 31]


def normalize_credit_code(value: str) -> str:
    """Canonical form: half-width, no spaces or hyphens, capitals."""
    return re.sub(r"[\s\-]+", "", unicodedata.normalize("NFKC", str(value))).upper()


def validate_credit_code(value: str) -> None:
    """Raise ``ValidationError`` unless ``value`` is a well-formed unified social credit code."""
    code = normalize_credit_code(value)
    if len(code) != 18:
        raise ValidationError(
            _("A unified social credit code has 18 characters; “%(value)s” has %(length)s."),
            code="credit_code_length",
            params={"value": value, "length": len(code)},
        )
    if not _CREDIT_SHAPE.fullmatch(code):
        raise ValidationError(
            _(
                "“%(value)s” is not a unified social credit code: characters 3–8 are the region's "
                "digits, and the letters I, O, S, V and Z are never used."
            ),
            code="credit_code_characters",
            params={"value": value},
        )
    if credit_code_check_character(code[:17]) != code[17]:
        raise ValidationError(
            _(
                "“%(value)s” is not a valid unified social credit code: check it for a typing mistake."
            ),
            code="credit_code_checksum",
            params={"value": value},
        )


def make_credit_code(region_code: str, serial: int, *, kind: str = "91") -> str:
    """A valid unified social credit code (for demo data and tests): ``kind`` is the authority
    and body (``91``: a company registered with market regulation); ``ValueError`` on bad input."""
    if not re.fullmatch(r"[0-9]{6}", region_code):
        raise ValueError(f"region code must be 6 digits: {region_code!r}")
    if not 0 <= serial < 10**9:
        raise ValueError(f"serial out of range: {serial}")
    first17 = f"{kind}{region_code}{serial:09d}"
    if not _CREDIT_SHAPE.fullmatch(first17 + "0"):
        raise ValueError(f"not a credit code's kind: {kind!r}")
    return first17 + credit_code_check_character(first17)
