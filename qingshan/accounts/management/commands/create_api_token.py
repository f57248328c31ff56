from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from qingshan.accounts.models import User
from qingshan.accounts.services import create_api_token


class Command(BaseCommand):
    help = "Create an API token for a user and print it (it is shown only once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="what the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {options['username']!r}.")
        _token, raw = create_api_token(user=user, name=options["name"])
        self.stdout.write(raw)
