"""Secrets kept out of the database: sealed (encrypted) values and keyed hashes.

Keys are derived (HKDF-SHA256) from ``settings.QS_SEALING_KEY`` — a deployment secret kept in the
environment, never in the database — and a purpose, so that each use has its own key; when the
setting is empty they are derived from ``SECRET_KEY``. ``QS_SEALING_KEY_FALLBACKS`` lists earlier
secrets that still open what they sealed (rotation: add the new secret, move the old one to the
fallbacks, re-seal, then drop it). Whoever holds a copy of the database, its logs or its backups
but not the environment can neither open a sealed value nor tell which raw value a keyed hash is
of.

A sealed value is AES-256-GCM with a random nonce: no timestamp, no order, and the same plaintext
seals differently each time.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

NONCE_BYTES = 12


class Unsealable(Exception):
    """No key of this deployment opens the value (the secret was lost or the value altered)."""


def _secrets() -> list[str]:
    current = settings.QS_SEALING_KEY or settings.SECRET_KEY
    return [current, *settings.QS_SEALING_KEY_FALLBACKS]


@functools.lru_cache(maxsize=64)
def _derive(secret: str, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"qingshan", info=purpose.encode()
    ).derive(secret.encode())


def seal(purpose: str, plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(_derive(_secrets()[0], purpose)).encrypt(nonce, plaintext, None)


def unseal(purpose: str, sealed: bytes) -> bytes:
    nonce, body = bytes(sealed[:NONCE_BYTES]), bytes(sealed[NONCE_BYTES:])
    for secret in _secrets():
        try:
            return AESGCM(_derive(secret, purpose)).decrypt(nonce, body, None)
        except InvalidTag:
            continue
    raise Unsealable(purpose)


def keyed_hash(purpose: str, value: str) -> str:
    """The value's HMAC-SHA256 under the current key (hex): to store instead of the value."""
    return _hmac(_secrets()[0], purpose, value)


def keyed_hashes(purpose: str, value: str) -> list[str]:
    """The value's keyed hash under every key still accepted: to look a stored hash up."""
    return [_hmac(secret, purpose, value) for secret in _secrets()]


def _hmac(secret: str, purpose: str, value: str) -> str:
    return hmac.new(_derive(secret, purpose), value.encode(), hashlib.sha256).hexdigest()
