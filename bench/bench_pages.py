"""The demo school's heaviest pages as `make run` serves them (issue 13): the dashboard, the
figures page (统计数据) and the annual summary (年度工作总结), the inbox and a search across the
apps, on SQLite built by the demo command.

Each page is opened once cold (its figures computed and stored), then three times warm (stored
values); the target is ≤ 300 ms warm. Times are min/median/max of three, through Django's test
client (no network), signed in as the demo's school administrator.

Run: `uv run --frozen python bench/bench_pages.py` (builds the demo in a fresh SQLite file, about
a minute) or with DATABASE_URL=… for another database.
"""

from __future__ import annotations

import statistics
import time

from common import setup_django

PAGES = {
    "dashboard": "/",
    "figures": "/figures/?year=2013",
    "summary": "/summary/?year=2013",
    "inbox": "/inbox/",
    "search": "/search/?q=%E7%8E%8B",  # 王, the commonest surname: many hits in every app
}
TARGET = 0.3


def main() -> None:
    backend = setup_django()
    from django.core.management import call_command
    from django.test import Client

    from qingshan.accounts.models import User

    started = time.perf_counter()
    call_command("demo", verbosity=0)
    print(f"demo built in {time.perf_counter() - started:.0f} s ({backend})")
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    for name, path in PAGES.items():
        start = time.perf_counter()
        status = client.get(path).status_code
        cold = time.perf_counter() - start
        samples = []
        for _ in range(3):
            start = time.perf_counter()
            client.get(path)
            samples.append(time.perf_counter() - start)
        warm = (min(samples), statistics.median(samples), max(samples))
        verdict = "ok" if warm[1] <= TARGET else f"MISSED (> {TARGET * 1000:.0f} ms)"
        print(
            f"{name:<10} {status}  cold {cold * 1000:.0f} ms; warm "
            + "/".join(f"{value * 1000:.0f}" for value in warm)
            + f" ms (min/median/max): {verdict}"
        )


if __name__ == "__main__":
    main()
