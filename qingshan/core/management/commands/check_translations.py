from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from qingshan.core.translations import untranslated_entries


class Command(BaseCommand):
    help = "Fail when the zh-hans catalogue has an untranslated or fuzzy entry."

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
        missing = untranslated_entries(path)
        for msgid in missing:
            self.stderr.write(f"untranslated: {msgid}")
        if missing:
            raise CommandError(f"{len(missing)} untranslated or fuzzy entries in {path}")
        self.stdout.write("zh-hans catalogue complete")
