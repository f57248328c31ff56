from typing import Any

from django.core.management.base import BaseCommand, CommandError

from qingshan.core.figure_store import verify


class Command(BaseCommand):
    help = (
        "Compute every stored figure value whose records are unchanged again and compare it with "
        "the stored one; fails on any difference."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        checked, differences = verify()
        for item in differences:
            self.stderr.write(
                f"{item.scope} {item.key} {item.period.start}–{item.period.end}: "
                f"stored {item.stored}, computed {item.fresh}"
            )
        self.stdout.write(f"{checked} stored values checked, {len(differences)} differences")
        if differences:
            raise CommandError("stored figure values differ from the records")
