"""``manage.py purge_counseling_cases``: delete the closed cases whose retention ran out, leaving
one purge record each (run it daily, like the other reminders; see docs/deploy.md)."""

from typing import Any

from django.core.management.base import BaseCommand

from qingshan.core.models import School
from qingshan.counseling.services.retention import purge_due


class Command(BaseCommand):
    help = "Purge closed counseling cases kept past their retention."

    def handle(self, *args: Any, **options: Any) -> None:
        for school in School.objects.order_by("pk"):
            purged = purge_due(school=school)
            self.stdout.write(f"{school.slug}: {len(purged)} cases purged")
