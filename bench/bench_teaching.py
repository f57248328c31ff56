"""Teacher development's pages on the demo school (issue 15), as a department head opens them:
the observation list, the quota board of the autumn 2013 term, a teacher's portfolio and its PDF,
the enterprise-practice ledger and the export of every observation the head may see (about
1,600 with eight scores each).

Each page is opened once cold, then three times; times are min/median/max of three, through
Django's test client (no network), with the number of queries of the last run. The target is
≤ 300 ms for a page and ≤ 3 s for a file (PDF or workbook).

Run: `uv run --frozen python bench/bench_teaching.py` (builds the demo in a fresh SQLite file,
about a minute) or with DATABASE_URL=… for another database.
"""

from __future__ import annotations

import statistics
import time

from common import setup_django

PAGE_TARGET, FILE_TARGET = 0.3, 3.0


def main() -> None:
    backend = setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from qingshan.accounts.models import User
    from qingshan.organization.models import Staff

    started = time.perf_counter()
    call_command("demo", verbosity=0)
    print(f"demo built in {time.perf_counter() - started:.0f} s ({backend})")
    teacher = Staff.objects.get(user__username="teacher")
    pages = {
        "observation list": ("/teaching/observations/", PAGE_TARGET),
        "quota board": ("/teaching/board/", PAGE_TARGET),
        "portfolio": (f"/teaching/teachers/{teacher.pk}/", PAGE_TARGET),
        "practice ledger": ("/teaching/practice/", PAGE_TARGET),
        "portfolio PDF": (f"/teaching/teachers/{teacher.pk}/pdf/", FILE_TARGET),
        "observations export": ("/teaching/observations/export/", FILE_TARGET),
    }
    client = Client()
    client.force_login(User.objects.get(username="head"))
    for name, (path, target) in pages.items():
        start = time.perf_counter()
        status = client.get(path).status_code
        cold = time.perf_counter() - start
        samples = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                client.get(path)
                samples.append(time.perf_counter() - start)
        low, median, high = min(samples), statistics.median(samples), max(samples)
        verdict = "ok" if median <= target else f"MISSED (> {target * 1000:.0f} ms)"
        print(
            f"{name:<20} {status}  cold {cold * 1000:.0f} ms; "
            f"{low * 1000:.0f}/{median * 1000:.0f}/{high * 1000:.0f} ms (min/median/max), "
            f"{len(queries)} queries; median ÷ target {median / target:.2f}: {verdict}"
        )


if __name__ == "__main__":
    main()
