"""Personal identifiers shown to those without the right to read them in full."""

from __future__ import annotations

import re
from decimal import Decimal

# An amount as an export writes it: digits with a decimal part.
_AMOUNT = re.compile(r"-?[0-9]+\.[0-9]+")

# Fields masked on pages and in exports for roles without personal-data rights.
MASKED_FIELDS = frozenset({"id_number"})
# Contacts too, where a record type's resource says so (trainees of the Sunshine Project).
MASKED_FIELDS_WITH_CONTACTS = MASKED_FIELDS | {"phone"}


def mask_identifier(value: str) -> str:
    """Keep the first four and last two characters: 5119************3X."""
    return (
        value[:4] + "*" * max(len(value) - 6, 0) + value[-2:]
        if len(value) > 6
        else "*" * len(value)
    )


def mask_value(value: object) -> str:
    """A field's value as shown masked: an identifier keeps its ends (``mask_identifier``); an
    amount keeps nothing, since its first and last digits would tell most of it."""
    if isinstance(value, int | float | Decimal) or _AMOUNT.fullmatch(str(value)):
        return "****"
    return mask_identifier(str(value))
