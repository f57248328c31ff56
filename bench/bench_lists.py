"""List pages of a 10,000-student school and of one with twice the records: p95 latency and
queries, against a bare view measured in the same runs.

Target (DESIGN §7, issue 13): every list page answers in p95 ≤ 100 ms with a fixed number of
queries, and twice the records at most doubles its time. The meeting list (2,000 meetings with
their attendance at 1×) is among them: it pages the meetings before anything is counted.
Each page's p95 is taken in three rounds interleaved with the bare view's; min/median/max shown.
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from common import percentile, setup_django, synthetic_school, timed

REPEAT = 30
ROUNDS = 3
PAGES = [
    "/org/staff/",
    "/org/student/",
    "/org/guardian/",
    "/org/schoolclass/",
    "/org/teachingassignment/",
    "/org/department/",
    "/party/meeting/",
]


def with_meetings(school: Any, meetings: int) -> None:
    """A branch of 40 members and ``meetings`` political studies with every member's attendance."""
    from qingshan.party.models import Attendance, Branch, Meeting, Member

    branch = Branch.objects.create(school=school, name="党支部")
    members = Member.objects.bulk_create(
        Member(
            school=school,
            name=f"党员{n}",
            joined_on=dt.date(2000, 7, 1),
            full_on=dt.date(2001, 7, 1),
            status="full",
        )
        for n in range(40)
    )
    rows = Meeting.objects.bulk_create(
        (
            Meeting(
                school=school,
                branch=branch,
                kind="political_study",
                date=dt.date(2009, 1, 1) + dt.timedelta(days=n % 1800),
                topic=f"学习{n}",
                content="学习内容",
                moderator=members[0],
            )
            for n in range(meetings)
        ),
        batch_size=2000,
    )
    Attendance.objects.bulk_create(
        (
            Attendance(school=school, meeting=meeting, member=member, status="present")
            for meeting in rows
            for member in members
        ),
        batch_size=5000,
    )


def measure(client: Any, path: str) -> tuple[list[float], list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    count = len(queries)
    page, bare = [], []
    for _round in range(ROUNDS):
        bare.append(percentile(timed(lambda: client.get("/health/"), REPEAT), 0.95))
        page.append(percentile(timed(lambda: client.get(path), REPEAT), 0.95))
    return page, bare, count


def main() -> None:
    backend = setup_django()
    from django.test import Client

    from qingshan.accounts.services import create_user, grant_membership
    from qingshan.core import statistics as planner

    results = {}
    for scale in (1, 2):
        school = synthetic_school(slug=f"bench-lists-{scale}", students=10_000 * scale)
        with_meetings(school, 2_000 * scale)
        planner.refresh()
        user = create_user(username=f"bench-admin-{scale}", password=None)
        grant_membership(user=user, role="school_admin", school=school)
        client = Client()
        client.force_login(user)
        results[scale] = {path: measure(client, path) for path in PAGES}
    print(f"database: {backend}; p95 of {REPEAT} requests, min/median/max of {ROUNDS} rounds")
    for path in PAGES:
        (one, bare, queries), (two, _bare2, queries2) = results[1][path], results[2][path]
        ratio = statistics.median(two) / statistics.median(one)
        verdict = "ok" if max(two) <= 0.100 and ratio <= 2 else "MISSED"
        print(
            f"{path:<26} 1×: "
            + "/".join(f"{v * 1000:.0f}" for v in (min(one), statistics.median(one), max(one)))
            + " ms; 2×: "
            + "/".join(f"{v * 1000:.0f}" for v in (min(two), statistics.median(two), max(two)))
            + f" ms (×{ratio:.2f}); {queries}/{queries2} queries; bare p95 {statistics.median(bare) * 1000:.1f} ms; {verdict}"
        )


if __name__ == "__main__":
    main()
