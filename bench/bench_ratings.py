"""Rating submissions under load (DESIGN §7, issue 4), against a bare view in the same run.

1. A synthetic school of 5,000 students, one teacher per class, a 12-question form: 5,000
   distinct one-time links, one rating each.
2. gunicorn serves it on 127.0.0.1 (loopback only); every rater's key is posted to /r/exchange/
   (kept in the rater's signed cookie) and the rating form fetched (CSRF) before the clock starts.
3. Throughput: the bare "hello" view (/health/) and the submission POST, each at full speed
   with the same number of client threads; the ratio is the target (≥ 0.15).
4. Burst: the remaining raters submit at 100 per second; p99 ≤ 300 ms.
5. The campaign closes (its sealed ratings are counted, timed) and every rater is checked: each
   wrote a text of its own, which must be stored exactly once; the scores add up.

Run: `uv run python bench/bench_ratings.py` (SQLite) or with DATABASE_URL=postgres://… .
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import ROOT, percentile, setup_django, synthetic_school

RATERS = int(os.environ.get("BENCH_RATERS", "5000"))
THROUGHPUT_SAMPLE = int(os.environ.get("BENCH_THROUGHPUT_SAMPLE", "600"))
RATE = 100.0
CLIENT_THREADS = 16
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TEXT = "很好"  # replaced by each rater's own text, to check each rating is counted once


def prepare_campaign() -> tuple[int, list[str], dict[str, str]]:
    from django.utils import timezone

    from qingshan.evaluations.models import RaterToken
    from qingshan.evaluations.services import campaigns
    from qingshan.evaluations.services.keys import issue_keys
    from qingshan.evaluations.services.library import install_instrument
    from qingshan.organization.models import SchoolClass, TeachingAssignment, Term

    school = synthetic_school(
        slug=f"bench-ratings-{int(time.time())}", students=RATERS, staff=RATERS // 50 + 1
    )
    term = Term.objects.create(
        school=school,
        school_year=2013,
        semester=1,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    teachers = list(school_staff(school))
    TeachingAssignment.objects.bulk_create(
        TeachingAssignment(
            school=school,
            term=term,
            school_class=school_class,
            subject="专业课",
            teacher=teachers[index % len(teachers)],
        )
        for index, school_class in enumerate(SchoolClass.objects.for_school(school).order_by("pk"))
    )
    now = timezone.now()
    campaign = campaigns.create_campaign(
        school=school,
        instrument=install_instrument(school=school, kind="students_teachers"),
        term=term,
        name="bench",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=1),
    )
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    answers = {}
    for question in campaign.instrument.questions.all():
        if question.kind == "scale":
            answers[question.field_name] = "4"
        elif question.kind == "single":
            answers[question.field_name] = "1"
        else:
            answers[question.field_name] = TEXT
    issued = issue_keys(tokens=RaterToken.objects.filter(campaign=campaign))
    return campaign.pk, [item.key for item in issued], answers


def school_staff(school: object) -> object:
    from qingshan.organization.models import Staff

    return Staff.objects.for_school(school).order_by("pk")


def start_server(env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--workers",
        os.environ.get("BENCH_WORKERS", "2"),
        "--worker-class",
        "gthread",
        "--threads",
        os.environ.get("BENCH_THREADS", "4"),
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/health/", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect as the answer instead of following it (a stored rating answers 302)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Rater:
    """One rater's browser: a cookie jar, the exchanged session, the form's CSRF token."""

    def __init__(self, key: str) -> None:
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.poster = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect
        )
        self.text = f"bench-{key[:12]}"
        page = self.opener.open(f"{BASE}/r/", timeout=30).read().decode()
        home = self.post_page("/r/exchange/", {"key": key}, CSRF.search(page).group(1))  # type: ignore[union-attr]
        self.due = re.search(r'name="due" value="(\d+)"', home).group(1)  # type: ignore[union-attr]
        form = self.post_page("/r/rate/", {"due": self.due}, CSRF.search(home).group(1))  # type: ignore[union-attr]
        self.csrf = CSRF.search(form).group(1)  # type: ignore[union-attr]

    def post_page(self, path: str, fields: dict[str, str], csrf: str) -> str:
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": csrf}).encode()
        request = urllib.request.Request(
            f"{BASE}{path}", data=body, headers={"Referer": f"{BASE}/r/"}
        )
        return self.opener.open(request, timeout=30).read().decode()

    def submit(self, answers: dict[str, str]) -> tuple[int, float]:
        fields = {**answers, "due": self.due, "csrfmiddlewaretoken": self.csrf}
        fields.update({name: self.text for name, value in answers.items() if value == TEXT})
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            f"{BASE}/r/submit/", data=body, headers={"Referer": f"{BASE}/r/"}
        )
        start = time.perf_counter()
        try:
            response = self.poster.open(request, timeout=30)
            status = response.status
            response.read()
        except urllib.error.HTTPError as error:
            status = error.code
        return status, time.perf_counter() - start


def throughput(task: object, count: int) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        list(pool.map(task, range(count)))  # type: ignore[arg-type]
    return count / (time.perf_counter() - start)


def main() -> None:
    backend = setup_django()
    campaign_id, keys, answers = prepare_campaign()
    # Raters of a whole school arrive interleaved across classes, not one class after another
    # (which would queue every submission on one teacher's counter rows); a fixed seed.
    random.Random(1).shuffle(keys)
    env = {
        **os.environ,
        "QS_ENV": "dev",
        "DEBUG": "false",
        "AXES_ENABLED": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    server = start_server(env)
    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENT_THREADS) as pool:
            raters = list(pool.map(Rater, keys))
        print(
            f"database: {backend}; {len(raters)} raters exchanged their links in {time.perf_counter() - started:.0f} s"
        )

        hello = throughput(
            lambda _n: urllib.request.urlopen(f"{BASE}/health/", timeout=30).read(), 2000
        )
        sample, burst = raters[:THROUGHPUT_SAMPLE], raters[THROUGHPUT_SAMPLE:]
        statuses: list[int] = []
        lock = threading.Lock()

        def submit_one(index: int) -> None:
            status, _seconds = sample[index].submit(answers)
            with lock:
                statuses.append(status)

        submissions = throughput(submit_one, len(sample))
        print(
            f"bare view: {hello:.0f}/s; rating submission: {submissions:.0f}/s; ratio {submissions / hello:.2f} (target ≥ 0.15)"
        )

        latencies: list[float] = []
        burst_statuses: list[int] = []

        def timed_submit(rater: Rater) -> None:
            status, seconds = rater.submit(answers)
            with lock:
                latencies.append(seconds)
                burst_statuses.append(status)

        start = time.perf_counter()
        with ThreadPoolExecutor(64) as pool:
            for index, rater in enumerate(burst):
                delay = start + index / RATE - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(timed_submit, rater)
        elapsed = time.perf_counter() - start
        again = [rater.submit(answers)[0] for rater in burst[:50]]
    finally:
        server.terminate()
        server.wait(10)

    from collections import Counter

    from qingshan.evaluations.models import Campaign, RatingDue, ScaleCount, TextAnswer
    from qingshan.evaluations.services import campaigns

    stored = RatingDue.objects.filter(token__campaign_id=campaign_id, done=True).count()
    closing = time.perf_counter()
    campaigns.close_campaign(campaign=Campaign.objects.get(pk=campaign_id))
    closing = time.perf_counter() - closing
    counted = sum(
        ScaleCount.objects.filter(target__campaign_id=campaign_id).values_list("count", flat=True)
    )
    texts = Counter(
        TextAnswer.objects.filter(target__campaign_id=campaign_id).values_list("text", flat=True)
    )
    once = sum(1 for rater in raters if texts[rater.text] == 1)
    scale_questions = sum(1 for value in answers.values() if value == "4")
    errors = [s for s in statuses + burst_statuses if s != 302]
    print(
        f"burst: {len(burst)} raters at {RATE:.0f}/s over {elapsed:.0f} s; p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms (target ≤ 300); errors {len(errors)}; "
        f"second use refused: {all(s == 409 for s in again)}"
    )
    print(
        f"closing counted {stored} sealed ratings in {closing:.1f} s; raters whose text is stored "
        f"exactly once: {once} of {len(raters)}; scores counted {counted} = {stored} x "
        f"{scale_questions}: {counted == stored * scale_questions}"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
