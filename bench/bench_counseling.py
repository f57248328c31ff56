"""Counseling on the demo school, as its counselor opens it: the "one without leaking" board
(1,900 students screened, coverage by class, the alerts not followed up), the alerts, a campaign
with its coverage, the counselor's cases, a case read behind its gate (every note unsealed), the
yearly pack and a guardian's export as files, and the 2013 figures of the app.

Each page is opened once cold, then three times; times are min/median/max of three, through
Django's test client (no network), with the number of queries of the last run. The target is
≤ 300 ms for a page and ≤ 3 s for a file or the year's figures.

Run: `uv run --frozen python bench/bench_counseling.py` (builds the demo in a fresh SQLite file,
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
    from qingshan.counseling.models import Campaign, Case, Session
    from qingshan.organization.models import Student

    started = time.perf_counter()
    call_command("demo", verbosity=0)
    print(f"demo built in {time.perf_counter() - started:.0f} s ({backend})")
    school = School.objects.get(slug="tongjiang-vocational")
    campaign = Campaign.objects.for_school(school).order_by("pk").first()
    case = Case.objects.for_school(school).filter(pk__in=Session.objects.values("case")).first()
    student = Student.objects.for_school(school).order_by("pk").first()
    assert campaign is not None and case is not None and student is not None
    counselor, admin = Client(), Client()
    counselor.force_login(User.objects.get(username="counselor"))
    admin.force_login(User.objects.get(username="admin"))
    pages = {
        "board": (lambda: counselor.get("/counseling/"), PAGE_TARGET),
        "alerts": (lambda: counselor.get("/counseling/alerts/?all=1"), PAGE_TARGET),
        "a campaign": (lambda: counselor.get(f"/counseling/campaigns/{campaign.pk}/"), PAGE_TARGET),
        "my cases": (lambda: counselor.get("/counseling/cases/"), PAGE_TARGET),
        "a case, read": (
            lambda: counselor.post(f"/counseling/cases/{case.pk}/", {"reason": "counseling"}),
            PAGE_TARGET,
        ),
        "yearly pack": (
            lambda: admin.post("/counseling/compliance/pack/?year=2013"),
            FILE_TARGET,
        ),
        "guardian export": (
            lambda: counselor.post("/counseling/compliance/guardian/", {"student": student.pk}),
            FILE_TARGET,
        ),
    }
    for name, (fetch, target) in pages.items():
        assert fetch().status_code == 200, name
        time_page(fetch, target, name)
    figures = [figure for figure in registry if figure.key.startswith("counseling.")]
    scope, period = Scope.of_school(school), Period.year(2013)
    time_page(
        lambda: [figure.compute(scope, period).value for figure in figures],
        FILE_TARGET,
        f"{len(figures)} figures of 2013",
    )


if __name__ == "__main__":
    main()
