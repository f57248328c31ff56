import datetime as dt
from typing import Any

from auditlog.models import LogEntry
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete audit entries older than QS_AUDIT_RETENTION_DAYS (never fewer than 180 days)."

    def handle(self, *args: Any, **options: Any) -> None:
        days = max(settings.QS_AUDIT_RETENTION_DAYS, 180)
        cutoff = timezone.now() - dt.timedelta(days=days)
        deleted, _by_model = LogEntry.objects.filter(timestamp__lt=cutoff).delete()
        self.stdout.write(f"deleted {deleted} audit entries older than {days} days")
