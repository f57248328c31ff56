"""Figures of the annual summary (issue 13): every figure of a synthetic school, cold (computed)
and warm (stored values), at scale 1 (~5,000 students, five years of records in every app) and
scale 2; the DOCX and the PDF timed apart from the figures; the county roll-up warm; and, on
PostgreSQL, a province's roll-up warm and its cold recompute by 1, 2 and 4 worker processes.

Targets: figures cold ≤ 1 s, warm ≤ 50 ms, scale 2 ≤ ×2 of scale 1; county of 20 schools warm
≤ 1 s; province warm ≤ 5 s. Every time is min/median/max of three runs.

Run: `uv run --frozen python bench/bench_summary.py` (SQLite, a fresh file) or with
DATABASE_URL=postgres://…/bench_summary (schools built before are reused). ``--no-statistics``
measures SQLite as a database the planner has never measured. Results are written to
bench/results/summary-<database>-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import time
from collections.abc import Callable
from typing import Any

from common import ROOT, setup_django
from generate import build_county, build_province, build_school

YEAR = 2013
LANGUAGE = "zh-hans"
REPEAT = 3
TARGETS = {"cold": 1.0, "warm": 0.05, "county": 1.0, "province": 5.0}


def times(function: Callable[[], Any], repeat: int = REPEAT) -> dict[str, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return {"min": min(samples), "median": statistics.median(samples), "max": max(samples)}


def shown(measured: dict[str, float], unit: str = "s") -> str:
    factor = 1000 if unit == "ms" else 1
    return "/".join(f"{measured[name] * factor:.2f}" for name in ("min", "median", "max")) + unit


def school(slug: str, scale: int) -> Any:
    from qingshan.core.models import School

    found = School.objects.filter(slug=slug).first()
    if found is not None:
        return found
    started = time.perf_counter()
    built = build_school(slug=slug, scale=scale, seed=scale)
    print(f"built {slug} (scale {scale}) in {time.perf_counter() - started:.0f} s", flush=True)
    return built


def forget_stored() -> None:
    from qingshan.core.models import StoredFigure

    StoredFigure.objects.all().delete()


def measure_school(target: Any) -> dict[str, Any]:
    from qingshan.core import figure_store
    from qingshan.core.figures import Period, Scope
    from qingshan.reports.rendering.content import build_content
    from qingshan.reports.rendering.docx import summary_docx
    from qingshan.reports.rendering.pdf import summary_pdf
    from qingshan.reports.selectors.summary import summary_template, template_blocks

    scope, period = Scope.of_school(target), Period.year(YEAR)
    template = summary_template(target)
    blocks = template_blocks(template)

    def cold() -> None:
        forget_stored()
        figure_store.values(scope, [period])

    def content() -> Any:
        return build_content(
            template=template, blocks=blocks, scope=scope, year=YEAR, language=LANGUAGE
        )

    cold()  # imports, translations, the database's caches
    summary_pdf(content())
    built = content()
    return {
        "school": target.slug,
        "cold": times(cold),
        "warm": times(lambda: figure_store.values(scope, [period])),
        "content_warm": times(content),
        "docx": times(lambda: summary_docx(built)),
        "pdf": times(lambda: summary_pdf(built)),
    }


def measure_rollup(slug: str, schools: int, scale: int) -> dict[str, Any]:
    """The roll-up of ``schools`` schools (scale 0: small ones, a province's count), warm."""
    from qingshan.core.models import Authority
    from qingshan.reports.selectors.county import county_table

    authority = Authority.objects.filter(slug=slug).first()
    if authority is None or authority.schools.count() < schools:  # type: ignore[attr-defined]
        started = time.perf_counter()
        if scale:
            authority = build_county(slug=slug, schools=schools, scale=scale, progress=True)
        else:
            authority = build_province(slug=slug, schools=schools, progress=True)
        print(f"built {schools} schools in {time.perf_counter() - started:.0f} s", flush=True)
    county_table(authority=authority, year=YEAR)  # computes what is missing (immediate tasks)
    return {
        "schools": authority.schools.count(),  # type: ignore[attr-defined]
        "warm": times(lambda: county_table(authority=authority, year=YEAR)),
    }


def measure_workers(slug: str, counts: tuple[int, ...] = (1, 2, 4)) -> dict[str, float]:
    """The cold recompute of every school of the authority by 1, 2 and 4 ``db_worker``
    processes (PostgreSQL; the tasks are queued in the database first)."""
    from qingshan.core.figures import Period
    from qingshan.core.models import Authority
    from qingshan.reports.tasks import refresh_figures

    authority = Authority.objects.get(slug=slug)
    labels = [f"school:{pk}" for pk in authority.schools.values_list("pk", flat=True)]  # type: ignore[attr-defined]
    period = Period.year(YEAR)
    env = {**os.environ, "QS_TASKS_IMMEDIATE": "false"}
    found = {}
    for workers in counts:
        forget_stored()
        for label in labels:
            refresh_figures.enqueue(
                scope=label, start=period.start.isoformat(), end=period.end.isoformat()
            )
        started = time.perf_counter()
        processes = [
            subprocess.Popen(
                [
                    str(ROOT / ".venv/bin/python"),
                    "manage.py",
                    "db_worker",
                    "--batch",
                    "--no-startup-delay",
                    "--interval",
                    "0.1",
                    "--worker-id",
                    f"bench-{n}",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
            )
            for n in range(workers)
        ]
        for process in processes:
            process.wait()
        found[str(workers)] = time.perf_counter() - started
        print(f"  {len(labels)} schools by {workers} worker(s): {found[str(workers)]:.1f} s")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description="The figures' benchmark.")
    parser.add_argument("--county-schools", type=int, default=20)
    parser.add_argument("--county-scale", type=int, default=1)
    parser.add_argument("--province-schools", type=int, default=0, help="PostgreSQL: e.g. 500")
    parser.add_argument("--no-statistics", action="store_true")
    args = parser.parse_args()
    backend = setup_django()
    os.environ.setdefault("QS_TASKS_IMMEDIATE", "true")
    from django.db import connection

    from qingshan.core import statistics as planner

    one = school("bench-summary-1", 1)
    two = school("bench-summary-2", 2)
    if args.no_statistics and connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM sqlite_stat1")
            cursor.execute("ANALYZE sqlite_schema")
    else:
        planner.refresh()
    results: dict[str, Any] = {"database": backend, "year": YEAR}
    results["scale1"], results["scale2"] = measure_school(one), measure_school(two)
    for scale in ("scale1", "scale2"):
        row = results[scale]
        print(
            f"{scale}: figures cold {shown(row['cold'])}, warm {shown(row['warm'], 'ms')}; "
            f"summary content (warm figures) {shown(row['content_warm'], 'ms')}; "
            f"DOCX {shown(row['docx'])}; PDF {shown(row['pdf'])}"
        )
    ratio = results["scale2"]["cold"]["median"] / results["scale1"]["cold"]["median"]
    print(f"cold figures, scale 2 ÷ scale 1: ×{ratio:.2f} (target ≤ ×2)")
    if args.county_schools:
        results["county"] = measure_rollup("bench-county", args.county_schools, args.county_scale)
        county = results["county"]
        print(f"county roll-up of {county['schools']} schools, warm: {shown(county['warm'])}")
    if args.province_schools and connection.vendor == "postgresql":
        results["province"] = measure_rollup("bench-province", args.province_schools, 0)
        province = results["province"]
        print(f"province roll-up of {province['schools']} schools, warm: {shown(province['warm'])}")
        results["workers"] = measure_workers("bench-county")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"summary-{backend}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2, default=str))
    print(f"results: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
