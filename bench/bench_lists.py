"""List pages of a 10,000-student school: p95 latency and queries, against a bare view in the same run.

Target (DESIGN §7): every list page answers a 10,000-row school in p95 ≤ 100 ms with a fixed
number of queries.
"""

from __future__ import annotations

from common import percentile, setup_django, summary, synthetic_school, timed

REPEAT = 40
PAGES = ["staff", "student", "guardian", "schoolclass", "teachingassignment", "department"]


def main() -> None:
    backend = setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from qingshan.accounts.services import create_user, grant_membership

    school = synthetic_school(slug="bench-lists", students=10_000)
    user = create_user(username="bench-admin", password=None)
    grant_membership(user=user, role="school_admin", school=school)
    client = Client()
    client.force_login(user)

    bare = timed(lambda: client.get("/health/"), REPEAT)
    print(f"database: {backend}; bare view /health/: {summary(bare)}")
    for key in PAGES:
        url = f"/org/{key}/"
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        query_count = len(queries)  # read now: the capture slices a log that later requests reset
        searched = timed(lambda url=url: client.get(url, {"q": "学生99"}), REPEAT // 2)
        samples = timed(lambda url=url: client.get(url), REPEAT)
        p95 = percentile(samples, 0.95)
        ratio = p95 / percentile(bare, 0.95)
        verdict = "ok" if p95 <= 0.100 else "OVER 100 ms"
        print(
            f"{url:<26} {summary(samples)}; search {summary(searched)}; {query_count} queries; p95 = {ratio:.1f}× bare; {verdict}"
        )


if __name__ == "__main__":
    main()
