"""Rating submissions under load (DESIGN §7, issue 4), against a bare view in the same run.

1. A synthetic school of BENCH_RATERS students (default 5,000), one teacher per class, the
   twelve-question form: one one-time link and one rating due per student.
2. gunicorn serves it on 127.0.0.1 (loopback only); every rater's key is posted to /r/exchange/
   (kept in the rater's signed cookie) and the rating form fetched (CSRF) before any clock starts.
3. Throughput, three rounds of (the bare view /health/, then rating submissions by raters not
   used before), each at full speed with the same client threads; min/median/max of each rate
   and of their ratio (target ≥ 0.25).
4. Burst: the remaining raters submit at 100 per second; each latency runs from the request's
   scheduled send time (a client that falls behind counts against the server, as a phone's
   wait would); the achieved send rate is printed; target p99 ≤ 300 ms.
5. A second use of fifty keys must be refused (409).
6. The campaign closes (its sealed ballots are counted; timed on its own), and every accepted
   rating is checked: each rater answered with a pattern of its own (``rating_ledger``), so the
   counters and texts must equal the accepted patterns exactly; lost and doubled answers are
   printed per kind (scores, choices, texts).

Run: `uv run --frozen python bench/bench_ratings.py` (SQLite, a fresh file) or with
DATABASE_URL=postgres://…; BENCH_RATERS sizes it, BENCH_WORKERS/BENCH_THREADS the server.
Results are also written to bench/results/ratings-<database>-<time>.json.
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import os
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from common import (
    ROOT,
    percentile,
    results_path,
    setup_django,
    spread,
    spread_text,
    start_gunicorn,
    stop_server,
    synthetic_school,
    write_results,
)
from rating_ledger import QuestionShape, Rating, check_counts, pattern_for

RATERS = int(os.environ.get("BENCH_RATERS", "5000"))
ROUNDS = 3
ROUND_RATERS = min(int(os.environ.get("BENCH_ROUND_RATERS", "600")), RATERS // (2 * ROUNDS))
BARE_REQUESTS = 2000
RATE = 100.0
CLIENT_THREADS = 16
BURST_THREADS = 64
SECOND_USES = 50
RATIO_TARGET = 0.25
P99_TARGET = 0.300
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DUE = re.compile(r'name="due" value="(\d+)"')


def prepare_campaign() -> tuple[int, list[str], list[QuestionShape]]:
    """An open campaign of the synthetic school: its id, every rater's key, its questions."""
    from django.utils import timezone

    from qingshan.evaluations.models import RaterToken
    from qingshan.evaluations.services import campaigns
    from qingshan.evaluations.services.keys import issue_keys
    from qingshan.evaluations.services.library import install_instrument
    from qingshan.organization.models import SchoolClass, Staff, TeachingAssignment, Term

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
    teachers = list(Staff.objects.for_school(school).order_by("pk"))
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
    questions = [
        QuestionShape(pk=q.pk, kind=q.kind, values=tuple(q.values))
        for q in campaign.instrument.questions.all()
    ]
    issued = issue_keys(tokens=RaterToken.objects.filter(campaign=campaign))
    return campaign.pk, [item.key for item in issued], questions


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect as the answer instead of following it (a stored rating answers 302)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Rater:
    """One rater's phone: a cookie jar holding the exchanged key, the due and the form's CSRF
    token; ``number`` picks the rater's answers (``rating_ledger.pattern_for``)."""

    def __init__(self, number: int, key: str, questions: Sequence[QuestionShape]) -> None:
        self.number = number
        self.answers = pattern_for(number, questions)
        self.first_status = 0
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.poster = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect
        )
        page = self.opener.open(f"{BASE}/r/", timeout=30).read().decode()
        home = self._post_page("/r/exchange/", {"key": [key]}, _match(CSRF, page))
        self.due = int(_match(DUE, home))
        form = self._post_page("/r/rate/", {"due": [str(self.due)]}, _match(CSRF, home))
        self.csrf = _match(CSRF, form)

    def _post_page(self, path: str, fields: dict[str, list[str]], csrf: str) -> str:
        return self.opener.open(self._request(path, fields, csrf), timeout=30).read().decode()

    def _request(
        self, path: str, fields: dict[str, list[str]], csrf: str
    ) -> urllib.request.Request:
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": [csrf]}, doseq=True)
        return urllib.request.Request(
            f"{BASE}{path}", data=body.encode(), headers={"Referer": f"{BASE}/r/"}
        )

    def submit(self) -> int:
        """Post the rating; the status (302 stored, 409 given already, anything else an error)."""
        fields = {**self.answers.fields, "due": [str(self.due)]}
        try:
            response = self.poster.open(self._request("/r/submit/", fields, self.csrf), timeout=30)
            status = int(response.status)
            response.read()
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        if not self.first_status:
            self.first_status = status
        return status


def _match(pattern: re.Pattern[str], page: str) -> str:
    found = pattern.search(page)
    if found is None:
        raise SystemExit(f"the rater's page lacks {pattern.pattern!r}")
    return found.group(1)


def rate_of(task: Callable[[int], object], count: int) -> float:
    """Requests per second of ``count`` calls of ``task`` by the client threads."""
    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        list(pool.map(task, range(count)))
    return count / (time.perf_counter() - start)


def bare_view(_n: int) -> None:
    urllib.request.urlopen(f"{BASE}/health/", timeout=30).read()


def throughput_rounds(raters: list[Rater]) -> dict[str, Any]:
    """Three rounds of (bare view, submissions), each round with raters of its own."""
    bare: list[float] = []
    submissions: list[float] = []
    for round_number in range(ROUNDS):
        sample = raters[round_number * ROUND_RATERS : (round_number + 1) * ROUND_RATERS]
        bare.append(rate_of(bare_view, BARE_REQUESTS))
        submissions.append(rate_of(lambda n, sample=sample: sample[n].submit(), len(sample)))
        print(
            f"  round {round_number + 1}: bare view {bare[-1]:.0f}/s, "
            f"submissions {submissions[-1]:.0f}/s, ratio {submissions[-1] / bare[-1]:.3f}",
            flush=True,
        )
    ratios = [s / b for s, b in zip(submissions, bare, strict=True)]
    print(f"bare view /s: {spread_text(bare)}")
    print(f"submissions /s: {spread_text(submissions)}")
    print(f"ratio: {spread_text(ratios, digits=3)} (target ≥ {RATIO_TARGET})")
    return {"bare": spread(bare), "submissions": spread(submissions), "ratio": spread(ratios)} | {
        "samples": {"bare": bare, "submissions": submissions, "ratio": ratios}
    }


def burst(raters: list[Rater]) -> dict[str, Any]:
    """Send one submission every 1/RATE s; latency from each request's scheduled send time."""
    scheduled: list[float] = [0.0] * len(raters)
    sent: list[float] = [0.0] * len(raters)
    answered: list[float] = [0.0] * len(raters)
    lock = threading.Lock()

    def one(index: int) -> None:
        sent[index] = time.perf_counter()
        raters[index].submit()
        with lock:
            answered[index] = time.perf_counter()

    start = time.perf_counter() + 0.2
    with ThreadPoolExecutor(BURST_THREADS) as pool:
        for index in range(len(raters)):
            scheduled[index] = start + index / RATE
            delay = scheduled[index] - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, index)
    latencies = [done - due for done, due in zip(answered, scheduled, strict=True)]
    lags = [out - due for out, due in zip(sent, scheduled, strict=True)]
    achieved = (len(raters) - 1) / (max(sent) - min(sent)) if len(raters) > 1 else 0.0
    errors = sum(1 for rater in raters if rater.first_status != 302)
    found = {
        "raters": len(raters),
        "rate_scheduled": RATE,
        "rate_achieved": achieved,
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": max(latencies) * 1000,
        "send_lag_p99_ms": percentile(lags, 0.99) * 1000,
        "errors": errors,
    }
    print(
        f"burst: {len(raters)} raters scheduled at {RATE:.0f}/s, sent at {achieved:.1f}/s "
        f"(send lag p99 {found['send_lag_p99_ms']:.0f} ms); latency from the scheduled time: "
        f"p50 {found['p50_ms']:.0f} ms, p99 {found['p99_ms']:.0f} ms (target ≤ "
        f"{P99_TARGET * 1000:.0f}), max {found['max_ms']:.0f} ms; errors {errors}"
    )
    return found


def close_and_check(campaign_id: int, raters: list[Rater]) -> dict[str, Any]:
    """Close the campaign (timed), then compare what was counted with the accepted ratings."""
    from qingshan.evaluations.models import (
        Campaign,
        ChoiceCount,
        RatingDue,
        ScaleCount,
        SealedBallot,
        TextAnswer,
    )
    from qingshan.evaluations.services import campaigns

    done = RatingDue.objects.filter(token__campaign_id=campaign_id, done=True).count()
    ballots = SealedBallot.objects.filter(campaign_id=campaign_id).count()
    started = time.perf_counter()
    campaigns.close_campaign(campaign=Campaign.objects.get(pk=campaign_id))
    closing = time.perf_counter() - started
    print(
        f"closing: {ballots} sealed ballots counted in {closing:.2f} s "
        f"({ballots / closing:.0f}/s); dues marked done: {done}"
    )
    targets = dict(
        RatingDue.objects.filter(token__campaign_id=campaign_id).values_list("pk", "target_id")
    )
    accepted = [
        Rating(rater=rater.number, target=targets[rater.due], pattern=rater.answers)
        for rater in raters
        if rater.first_status == 302
    ]
    in_campaign = {"target__campaign_id": campaign_id}
    check = check_counts(
        accepted,
        ScaleCount.objects.filter(**in_campaign).values_list(
            "target_id", "question_id", "value", "count"
        ),
        ChoiceCount.objects.filter(**in_campaign).values_list(
            "target_id", "question_id", "option", "count"
        ),
        TextAnswer.objects.filter(**in_campaign).values_list("target_id", "question_id", "text"),
    )
    print(f"counted after closing ({'exact' if check.exact else 'NOT EXACT'}):")
    print("\n".join(check.lines()))
    return {
        "closing_seconds": closing,
        "ballots": ballots,
        "dues_done": done,
        "exact": check.exact and done == len(accepted) == ballots,
        "check": check.as_dict(),
    }


def exchange_all(keys: list[str], questions: list[QuestionShape]) -> list[Rater]:
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        raters = list(pool.map(lambda item: Rater(item[0], item[1], questions), enumerate(keys)))
    print(f"{len(raters)} raters exchanged their links in {time.perf_counter() - started:.0f} s")
    return raters


def main() -> None:
    backend = setup_django()
    campaign_id, keys, questions = prepare_campaign()
    # Raters of a whole school arrive interleaved across classes, not one class after another;
    # a fixed seed.
    random.Random(1).shuffle(keys)
    env = {
        **os.environ,
        "QS_ENV": "dev",
        "DEBUG": "false",
        "AXES_ENABLED": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    print(f"database: {backend}; {RATERS} raters; gunicorn {WORKERS} workers x {THREADS} threads")
    # The server's own output (a warning for each refused second use, any error) goes to a file.
    log = results_path("ratings-server", backend, ".log")
    server = start_gunicorn(port=PORT, env=env, workers=WORKERS, threads=THREADS, log=log)
    try:
        raters = exchange_all(keys, questions)
        measured = throughput_rounds(raters[: ROUNDS * ROUND_RATERS])
        bursted = burst(raters[ROUNDS * ROUND_RATERS :])
        again = [rater.submit() for rater in raters[:SECOND_USES]]
    finally:
        stop_server(server)
    refused = sum(1 for status in again if status == 409)
    print(f"second use refused: {refused} of {len(again)}")
    server_lines = log.read_text(errors="replace").splitlines()
    problems = [line for line in server_lines if "Conflict: /r/submit/" not in line]
    print(f"server log {log.relative_to(ROOT)}: {len(problems)} lines besides the refusals")
    closed = close_and_check(campaign_id, raters)
    path = write_results(
        "ratings",
        backend,
        {
            "raters": RATERS,
            "workers": WORKERS,
            "threads": THREADS,
            "round_raters": ROUND_RATERS,
            "throughput": measured,
            "burst": bursted,
            "second_use_refused": refused,
            "second_uses": len(again),
            "server_log_problems": len(problems),
            "closing": closed,
        },
    )
    print(f"results: {path}")


if __name__ == "__main__":
    main()
