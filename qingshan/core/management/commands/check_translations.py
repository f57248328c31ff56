from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from qingshan.core.translations import untranslated_entries


def zh_hans_catalogues() -> list[Path]:
    """The project's catalogue and those of apps that carry their own (``qingshan/<app>/locale``)."""
    base = Path(settings.BASE_DIR)
    project = base / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    apps = sorted(base.glob("qingshan/*/locale/zh_Hans/LC_MESSAGES/django.po"))
    return [project, *apps]


class Command(BaseCommand):
    help = "Fail when a zh-hans catalogue has an untranslated or fuzzy entry."

    def handle(self, *args: Any, **options: Any) -> None:
        failures = 0
        for path in zh_hans_catalogues():
            missing = untranslated_entries(path)
            for msgid in missing:
                self.stderr.write(f"untranslated in {path.relative_to(settings.BASE_DIR)}: {msgid}")
            failures += len(missing)
        if failures:
            raise CommandError(f"{failures} untranslated or fuzzy entries")
        self.stdout.write("zh-hans catalogues complete")
