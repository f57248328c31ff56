import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from qingshan.core.figures import Period, Scope, as_json_value, evaluate_all
from qingshan.core.models import Authority, School


class Command(BaseCommand):
    help = "Print every figure of a school (or an authority's schools) for a year as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--school", help="the school's short name (slug)")
        target.add_argument(
            "--authority", help="the authority's short name (slug): sums over its schools"
        )
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["school"]:
            school = School.objects.filter(slug=options["school"]).first()
            if school is None:
                raise CommandError(f"No school with short name {options['school']!r}.")
            scope = Scope.of_school(school)
        else:
            authority = Authority.objects.filter(slug=options["authority"]).first()
            if authority is None:
                raise CommandError(f"No authority with short name {options['authority']!r}.")
            scope = Scope.of_authority(authority)
        results = evaluate_all(scope, Period.year(options["year"]))
        payload = {key: as_json_value(result.value) for key, result in results.items()}
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True))
