from typing import Any

from django.core.management.base import BaseCommand

from qingshan.core import statistics


class Command(BaseCommand):
    help = "Refresh the database planner's statistics (run daily; SQLite has no autovacuum)."

    def handle(self, *args: Any, **options: Any) -> None:
        statistics.refresh()
        self.stdout.write("planner statistics refreshed")
