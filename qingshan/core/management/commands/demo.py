from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from qingshan.core import statistics


class Command(BaseCommand):
    help = "Build the demo schools (idempotent): each app's demo.build_demo() runs in the order of INSTALLED_APPS."

    def handle(self, *args: Any, **options: Any) -> None:
        for config in apps.get_app_configs():
            if not config.name.startswith("qingshan."):
                continue
            if find_spec(f"{config.name}.demo") is None:
                continue
            summary = import_string(f"{config.name}.demo.build_demo")()
            if summary:
                self.stdout.write(f"{config.label}: {summary}")
        statistics.refresh()
