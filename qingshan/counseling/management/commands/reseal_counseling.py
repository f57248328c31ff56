"""``manage.py reseal_counseling``: re-seal counseling's notes with the current key (after a
rotation; see docs/deploy.md)."""

from typing import Any

from django.core.management.base import BaseCommand

from qingshan.core.models import School
from qingshan.counseling.services.keys import reseal_school


class Command(BaseCommand):
    help = "Re-seal every counseling note and answer sheet with the current sealing key."

    def handle(self, *args: Any, **options: Any) -> None:
        for school in School.objects.order_by("pk"):
            written = reseal_school(school=school)
            self.stdout.write(f"{school.slug}: {written} rows re-sealed")
