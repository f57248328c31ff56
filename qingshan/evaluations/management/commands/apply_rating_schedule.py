from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from qingshan.evaluations.services.campaigns import apply_schedule


class Command(BaseCommand):
    help = "Open prepared rating campaigns whose time has come and close those whose time is up (run every minute)."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = apply_schedule(now=timezone.now())
        for campaign in changed:
            self.stdout.write(f"{campaign.pk} {campaign.name}: {campaign.get_status_display()}")
