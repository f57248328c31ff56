from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from qingshan.organization.demo import login_table


class Command(BaseCommand):
    help = "Print the demo logins and the address to open (make run prints them once serving)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000/")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(login_table(options["url"]))
