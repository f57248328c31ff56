"""Careers on the demo school, as a department head opens them: the employment page of 2013 (rates
by major and the five-year series), the destination list (about 3,150 graduates), the follow-ups
due, conversion per company, the alumni list, a destination's page, the employment report and
the destination export as files, and the 2013 figures of the app.

Each page is opened once cold, then three times; times are min/median/max of three, through
Django's test client (no network), with the number of queries of the last run. The target is
≤ 300 ms for a page and ≤ 3 s for a file or the year's figures.

Run: `uv run --frozen python bench/bench_careers.py` (builds the demo in a fresh SQLite file,
about a minute) or with DATABASE_URL=… for another database.
"""

from __future__ import annotations

import time

from common import setup_django, time_page

PAGE_TARGET, FILE_TARGET = 0.3, 3.0


def main() -> None:
    backend = setup_django()
    from django.core.management import call_command
    from django.test import Client

    from qingshan.accounts.models import User
    from qingshan.careers.models import Destination
    from qingshan.core.figures import Period, Scope, registry
    from qingshan.core.models import School

    started = time.perf_counter()
    call_command("demo", verbosity=0)
    print(f"demo built in {time.perf_counter() - started:.0f} s ({backend})")
    school = School.objects.get(slug="tongjiang-vocational")
    destination = Destination.objects.for_school(school).order_by("-graduated_on", "pk").first()
    assert destination is not None
    client = Client()
    client.force_login(User.objects.get(username="head"))
    pages = {
        "employment page": ("/careers/employment/?year=2013", PAGE_TARGET),
        "destination list": ("/careers/destination/", PAGE_TARGET),
        "a destination": (f"/careers/destination/{destination.pk}/", PAGE_TARGET),
        "follow-ups due": ("/careers/followups/", PAGE_TARGET),
        "conversion": ("/careers/conversion/", PAGE_TARGET),
        "alumni list": ("/careers/alumnus/", PAGE_TARGET),
        "employment report": ("/careers/employment/report/?year=2013", FILE_TARGET),
        "destination export": ("/careers/destination/export/", FILE_TARGET),
    }
    for name, (path, target) in pages.items():
        time_page(lambda path=path: client.get(path), target, name)
    figures = [figure for figure in registry if figure.key.startswith("careers.")]
    scope, period = Scope.of_school(school), Period.year(2013)
    time_page(
        lambda: [figure.compute(scope, period).value for figure in figures],
        FILE_TARGET,
        f"{len(figures)} figures of 2013",
    )


if __name__ == "__main__":
    main()
