import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from qingshan.workplans.services.reminders import send_all_reminders


class Command(BaseCommand):
    help = "Remind units of overdue plans, summaries and weekly statuses (run daily from cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_all_reminders(today=options["today"] or timezone.localdate())
        for slug, count in sent.items():
            self.stdout.write(f"{slug}: {count}")
