"""Fail when the zh-hans catalogue has an untranslated or fuzzy entry."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def untranslated(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    missing = []
    for entry in re.split(r"\n\n+", text)[1:]:
        if "msgid " not in entry or entry.lstrip().startswith("#~"):
            continue
        msgid = "".join(re.findall(r'"(.*)"', entry.split("msgid ", 1)[1].split("msgstr", 1)[0].split("msgid_plural")[0]))
        strings = re.findall(r'msgstr(?:\[\d\])? ((?:".*"\n?)+)', entry)
        if "#, fuzzy" in entry or not strings or any(not "".join(re.findall(r'"(.*)"', s)).strip() for s in strings):
            missing.append(msgid)
    return missing


def main() -> int:
    missing = untranslated(Path(sys.argv[1]))
    for msgid in missing:
        print(f"untranslated: {msgid}")
    print(f"{len(missing)} untranslated or fuzzy entries")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
