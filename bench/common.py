"""Shared set-up for benchmarks: a throw-away database, Django, a synthetic school, timing helpers.

Benchmarks are run by hand (never in the test suite): `uv run python bench/<name>.py`.
Set DATABASE_URL to a PostgreSQL database to measure there; the default is a fresh SQLite file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django() -> str:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = (
            f"sqlite:///{tempfile.mkdtemp(prefix='qingshan-bench-')}/bench.sqlite3"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("QS_ENV", "dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("AXES_ENABLED", "false")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return os.environ["DATABASE_URL"].split(":", 1)[0]


def synthetic_school(*, slug: str, students: int, staff: int = 200, authority: Any = None) -> Any:
    """A school with ``students`` students in classes of 50, ``staff`` staff and one guardian each."""
    from qingshan.core import models as tenant
    from qingshan.core.validators import make_resident_id
    from qingshan.organization import models

    if authority is None:
        authority, _created = tenant.Authority.objects.get_or_create(
            slug="bench-county", defaults={"name": "基准县教育局"}
        )
    school = tenant.School.objects.create(authority=authority, name=f"基准学校 {slug}", slug=slug)
    department = models.Department.objects.create(school=school, name="教务处")
    team = models.GradeTeam.objects.create(school=school, name="2013级", entry_year=2013)
    major = models.Major.objects.create(school=school, code="01", name="计算机应用")
    teachers = models.Staff.objects.bulk_create(
        models.Staff(
            school=school,
            staff_no=f"T{n:05d}",
            name=f"教师{n}",
            gender="male",
            department=department,
            id_number=make_resident_id("511921", dt.date(1970, 1, 1) + dt.timedelta(days=n), 1),
            hired_on=dt.date(2005, 9, 1),
        )
        for n in range(staff)
    )
    classes = models.SchoolClass.objects.bulk_create(
        models.SchoolClass(
            school=school,
            name=f"2013级{n}班",
            grade_team=team,
            track="vocational",
            major=major,
            entry_year=2013,
            head_teacher=teachers[n % len(teachers)],
        )
        for n in range((students + 49) // 50)
    )
    rows = models.Student.objects.bulk_create(
        (
            models.Student(
                school=school,
                student_no=f"S{n:06d}",
                name=f"学生{n}",
                gender="female",
                school_class=classes[n // 50],
                id_number=make_resident_id(
                    "511921", dt.date(1996, 1, 1) + dt.timedelta(days=n // 400), n % 400 * 2 + 1
                ),
                enrolled_on=dt.date(2013, 9, 1),
            )
            for n in range(students)
        ),
        batch_size=2000,
    )
    guardians = models.Guardian.objects.bulk_create(
        (models.Guardian(school=school, name=f"家长{n}") for n in range(students)), batch_size=2000
    )
    models.GuardianLink.objects.bulk_create(
        (
            models.GuardianLink(school=school, guardian=g, student=s, relation="mother")
            for g, s in zip(guardians, rows, strict=True)
        ),
        batch_size=2000,
    )
    return school


def timed(function: Callable[[], Any], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms, p95 {percentile(samples, 0.95) * 1000:.1f} ms"


def spread(samples: Sequence[float]) -> dict[str, float]:
    """The minimum, median and maximum of repeated measurements."""
    return {
        "min": min(samples),
        "median": statistics.median(samples),
        "max": max(samples),
    }


def spread_text(samples: Sequence[float], unit: str = "", digits: int = 0) -> str:
    found = spread(samples)
    return "min {min:.{d}f}{u}, median {median:.{d}f}{u}, max {max:.{d}f}{u}".format(
        **found, d=digits, u=unit
    )


def start_gunicorn(
    *, port: int, env: dict[str, str], workers: int, threads: int, log: Path | None = None
) -> subprocess.Popen[bytes]:
    """gunicorn serving the project on 127.0.0.1:``port`` (loopback only), once it answers
    /health/; its output goes to ``log`` when given."""
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    output = None if log is None else log.open("ab")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    if output is not None:
        output.close()  # the server holds its own copy
    for _attempt in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("the server did not start")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(10)


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def results_path(name: str, backend: str, suffix: str) -> Path:
    """bench/results/<name>-<database>-<time><suffix> (the folder is not committed)."""
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    return results / f"{name}-{backend}-{time.strftime('%Y%m%d-%H%M%S')}{suffix}"


def write_results(name: str, backend: str, payload: dict[str, Any]) -> Path:
    """Write ``payload`` to bench/results/<name>-<database>-<time>.json and return the path."""
    path = results_path(name, backend, ".json")
    body = {"database": backend, "commit": git_commit(), "cores": os.cpu_count(), **payload}
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False))
    return path


def time_page(run: Callable[[], object], target: float, name: str) -> None:
    """Run ``run`` once cold, then three times: min/median/max against ``target`` (seconds),
    with the number of queries of the last run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    start = time.perf_counter()
    run()
    cold = time.perf_counter() - start
    samples = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            run()
            samples.append(time.perf_counter() - start)
    low, median, high = min(samples), statistics.median(samples), max(samples)
    verdict = "ok" if median <= target else f"MISSED (> {target * 1000:.0f} ms)"
    print(
        f"{name:<22} cold {cold * 1000:.0f} ms; "
        f"{low * 1000:.0f}/{median * 1000:.0f}/{high * 1000:.0f} ms (min/median/max), "
        f"{len(queries)} queries; median ÷ target {median / target:.2f}: {verdict}"
    )
