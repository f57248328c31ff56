"""Completeness of a gettext catalogue: every entry translated, none fuzzy."""

from __future__ import annotations

import re
from pathlib import Path

_ENTRY_SPLIT = re.compile(r"\n\n+")
_QUOTED = re.compile(r'"(.*)"')
_MSGSTR = re.compile(r'msgstr(?:\[\d\])? ((?:".*"\n?)+)')


def _joined(block: str) -> str:
    return "".join(_QUOTED.findall(block))


def untranslated_entries(path: Path) -> list[str]:
    """The msgids of entries that are fuzzy or have an empty translation (the header excluded)."""
    missing = []
    for entry in _ENTRY_SPLIT.split(path.read_text(encoding="utf-8"))[1:]:
        if "msgid " not in entry or entry.lstrip().startswith("#~"):
            continue
        msgid = _joined(entry.split("msgid ", 1)[1].split("msgstr", 1)[0].split("msgid_plural")[0])
        translations = _MSGSTR.findall(entry)
        if (
            "#, fuzzy" in entry
            or not translations
            or any(not _joined(text).strip() for text in translations)
        ):
            missing.append(msgid)
    return missing
