"""Counseling's notes sealed with a key kept outside the database (``core.sealing``).

Only this module seals and opens them; the purpose names the key, so a value sealed for another
app's use is not opened as a counseling note. ``reseal`` re-seals with the current key (after a
rotation, see docs/deploy.md).
"""

from __future__ import annotations

from qingshan.core.sealing import seal, unseal

PURPOSE = "counseling notes"


def seal_text(text: str) -> bytes:
    return seal(PURPOSE, text.encode()) if text else b""


def open_text(sealed: bytes | memoryview | None) -> str:
    return unseal(PURPOSE, bytes(sealed)).decode() if sealed else ""


def reseal(sealed: bytes | memoryview | None) -> bytes:
    return seal_text(open_text(sealed))
