"""One-time keys of raters: made when a slip or a list of links is made, shown once, stored only
as keyed hashes (``core.sealing``).

Invariant: no raw key is ever stored. Issuing keys for tokens replaces their keys, so a slip
printed before stops working ("print now or never"; a lost slip is reissued).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from qingshan.core.sealing import keyed_hash, keyed_hashes
from qingshan.evaluations.models import RaterToken

KEY_PURPOSE = "rater key"


@dataclass(frozen=True)
class IssuedKey:
    token: RaterToken
    key: str  # shown to the rater once (slip or list), never stored


def new_key() -> str:
    return secrets.token_urlsafe(16)


def hashes_of(key: str) -> list[str]:
    """The keyed hashes a stored token may carry for ``key`` (current and earlier secrets)."""
    return keyed_hashes(KEY_PURPOSE, key)


@transaction.atomic
def issue_keys(*, tokens: Iterable[RaterToken]) -> list[IssuedKey]:
    """New keys for ``tokens``, replacing any earlier ones; the raw keys are returned once."""
    issued = draw_keys(tokens=tokens)
    store_keys(issued=issued)
    return issued


def draw_keys(*, tokens: Iterable[RaterToken]) -> list[IssuedKey]:
    """New keys for ``tokens``, not stored yet: the tokens keep their keys until ``store_keys``
    (so slips built over minutes replace the old ones only once they are all made)."""
    return [IssuedKey(token, new_key()) for token in tokens]


@transaction.atomic
def store_keys(*, issued: Iterable[IssuedKey]) -> None:
    """Make drawn keys the tokens' keys (their hashes), replacing the earlier ones."""
    tokens = []
    for item in issued:
        item.token.key_hash = keyed_hash(KEY_PURPOSE, item.key)
        tokens.append(item.token)
    RaterToken.objects.bulk_update(tokens, ["key_hash"], batch_size=1000)
