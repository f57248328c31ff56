"""Background work of the work system (the Django tasks API; ``db_worker`` in deployments)."""

from __future__ import annotations

import datetime
from typing import Any

from django_tasks import task

from qingshan.workplans.services.reminders import send_all_reminders


@task()
def send_work_reminders(today: str) -> dict[str, Any]:
    return send_all_reminders(today=datetime.date.fromisoformat(today))
