"""Internships on the demo school, as a department head opens them: the compliance board (720
placements), the placement list, a placement's page with its findings and weeks, the units, a
week's page, the weeks waiting, the findings and placement exports as files, and the 2013
figures of the app.

Each page is opened once cold, then three times; times are min/median/max of three, through
Django's test client (no network), with the number of queries of the last run. The target is
≤ 300 ms for a page and ≤ 3 s for a file or the year's figures.

Run: `uv run --frozen python bench/bench_internships.py` (builds the demo in a fresh SQLite file,
about two minutes) or with DATABASE_URL=… for another database.
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
    from qingshan.core.figures import Period, Scope, registry
    from qingshan.core.models import School
    from qingshan.internships.models import Placement, Week

    started = time.perf_counter()
    call_command("demo", verbosity=0)
    print(f"demo built in {time.perf_counter() - started:.0f} s ({backend})")
    school = School.objects.get(slug="tongjiang-vocational")
    placement = Placement.objects.for_school(school).filter(weeks__isnull=False).first()
    week = Week.objects.for_school(school).order_by("pk").first()
    assert placement is not None and week is not None
    client = Client()
    client.force_login(User.objects.get(username="head"))
    pages = {
        "compliance board": ("/internships/compliance/", PAGE_TARGET),
        "placement list": ("/internships/placement/", PAGE_TARGET),
        "a placement": (f"/internships/placement/{placement.pk}/", PAGE_TARGET),
        "unit list": ("/internships/unit/", PAGE_TARGET),
        "a week": (f"/internships/weeks/{week.pk}/", PAGE_TARGET),
        "weeks waiting": ("/internships/weeks/", PAGE_TARGET),
        "findings export": ("/internships/compliance/export/", FILE_TARGET),
        "placement export": ("/internships/placement/export/", FILE_TARGET),
    }
    for name, (path, target) in pages.items():
        time_page(lambda path=path: client.get(path), target, name)
    figures = [figure for figure in registry if figure.key.startswith("internships.")]
    scope, period = Scope.of_school(school), Period.year(2013)
    time_page(
        lambda: [figure.compute(scope, period).value for figure in figures],
        FILE_TARGET,
        f"{len(figures)} figures of 2013",
    )


if __name__ == "__main__":
    main()
