"""The annual summary of one school-year (issue 7): every figure, the DOCX and the PDF, at scale 1
(a school of ~5,000 students, five years of records in every app) and scale 2, and the county
roll-up of 20 schools.

Targets: figures ≤ 2 s, DOCX ≤ 10 s, PDF ≤ 20 s; scale 2 at most twice the time of scale 1; the
queries of each figure the same at both scales; on PostgreSQL the county roll-up ≤ 10 s.

Run: `uv run --frozen python bench/bench_summary.py` (SQLite, a fresh file) or with
DATABASE_URL=postgres://…/bench_summary (schools and the county already there are reused).
Results are written to bench/results/summary-<database>-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from common import ROOT, setup_django
from generate import analyze, build_county, build_school

YEAR = 2013
LANGUAGE = "zh-hans"
REPEAT = 3
COUNTY_SCHOOLS = 20
TARGETS = {"figures": 2.0, "docx": 10.0, "pdf": 20.0, "county": 10.0}


def median_time(function: Callable[[], Any], repeat: int = REPEAT) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def school(slug: str, scale: int) -> Any:
    """The synthetic school of this scale, built unless the database has it already."""
    from qingshan.core.models import School

    found = School.objects.filter(slug=slug).first()
    if found is not None:
        return found
    started = time.perf_counter()
    built = build_school(slug=slug, scale=scale, seed=scale)
    print(f"built {slug} (scale {scale}) in {time.perf_counter() - started:.0f} s", flush=True)
    return built


def query_counts(scope: Any, period: Any) -> dict[str, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from qingshan.core.figures import registry

    counts = {}
    for figure in registry:
        with CaptureQueriesContext(connection) as queries:
            figure.evaluate(scope, period)
        counts[figure.key] = len(queries)
    return counts


def figure_times(scope: Any, period: Any) -> dict[str, float]:
    from qingshan.core.figures import registry

    return {
        figure.key: median_time(lambda figure=figure: figure.evaluate(scope, period), 1)
        for figure in registry
    }


def measure_school(target: Any) -> dict[str, Any]:
    from qingshan.core.figures import Period, Scope, evaluate_all
    from qingshan.reports.rendering.content import build_content
    from qingshan.reports.rendering.docx import summary_docx
    from qingshan.reports.rendering.pdf import summary_pdf
    from qingshan.reports.services import ensure_default_template

    scope, period = Scope.of_school(target), Period.year(YEAR)
    template = ensure_default_template(school=target)
    blocks = list(template.blocks.all())

    def content() -> Any:
        return build_content(
            template=template, blocks=blocks, scope=scope, year=YEAR, language=LANGUAGE
        )

    evaluate_all(scope, period)  # warm: imports, translations, the database's caches
    summary_pdf(content(), school_name=target.name)
    return {
        "school": target.slug,
        "figures": median_time(lambda: evaluate_all(scope, period)),
        "docx": median_time(lambda: summary_docx(content())),
        "pdf": median_time(lambda: summary_pdf(content(), school_name=target.name)),
        "queries": query_counts(scope, period),
        "figure_seconds": figure_times(scope, period),
    }


def measure_county(slug: str, schools: int) -> dict[str, Any]:
    from qingshan.core.models import Authority
    from qingshan.reports.selectors.county import county_table

    authority = Authority.objects.filter(slug=slug).first()
    if authority is None or authority.schools.count() < schools:  # type: ignore[attr-defined]
        print(f"building the county of {schools} schools …", flush=True)
        authority = build_county(slug=slug, schools=schools, progress=True)
        analyze()
    county_table(authority=authority, year=YEAR)  # warm
    seconds = median_time(lambda: county_table(authority=authority, year=YEAR), 1)
    return {"schools": authority.schools.count(), "county": seconds}  # type: ignore[attr-defined]


def verdict(seconds: float, limit: float) -> str:
    return "ok" if seconds <= limit else f"MISSED (> {limit:.0f} s)"


def report(backend: str, one: dict[str, Any], two: dict[str, Any], county: dict[str, Any]) -> None:
    print(f"\nannual summary of {YEAR}, database: {backend}")
    print(f"{'':<10}{'scale 1':>10}{'scale 2':>10}{'ratio':>8}  target")
    for name in ("figures", "docx", "pdf"):
        ratio = two[name] / one[name]
        limit = TARGETS[name]
        checks = f"{verdict(two[name], limit)}; ratio {'ok' if ratio <= 2 else 'MISSED (> 2)'}"
        print(
            f"{name:<10}{one[name]:>9.2f}s{two[name]:>9.2f}s{ratio:>8.2f}  ≤ {limit:.0f} s: {checks}"
        )
    grown = {
        key: (count, two["queries"][key])
        for key, count in one["queries"].items()
        if two["queries"].get(key) != count
    }
    total = sum(one["queries"].values())
    print(f"queries: {total} over {len(one['queries'])} figures at scale 1", end="; ")
    if grown:
        print("grow with the data:")
        for key, (before, after) in sorted(grown.items()):
            print(f"  {key}: {before} → {after}")
    else:
        print("every figure's count is the same at scale 2")
    slowest = sorted(two["figure_seconds"].items(), key=lambda item: -item[1])[:5]
    print(
        "slowest figures at scale 2: "
        + ", ".join(f"{key} {seconds * 1000:.0f} ms" for key, seconds in slowest)
    )
    if county:
        print(
            f"county roll-up of {county['schools']} schools: {county['county']:.2f} s "
            f"(≤ {TARGETS['county']:.0f} s: {verdict(county['county'], TARGETS['county'])})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description="The annual summary's benchmark.")
    parser.add_argument(
        "--county", action="store_true", help="measure the county roll-up on SQLite too"
    )
    parser.add_argument(
        "--county-schools",
        type=int,
        default=COUNTY_SCHOOLS,
        help=f"schools of the county (default {COUNTY_SCHOOLS}; built when missing)",
    )
    args = parser.parse_args()
    backend = setup_django()
    analyze()
    one = measure_school(school("bench-summary-1", 1))
    two = measure_school(school("bench-summary-2", 2))
    measured = backend.startswith("postgres") or args.county
    county = measure_county("bench-county", args.county_schools) if measured else {}
    report(backend, one, two, county)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = results / f"summary-{backend}-{stamp}.json"
    path.write_text(
        json.dumps(
            {"database": backend, "year": YEAR, "scale1": one, "scale2": two, "county": county},
            indent=2,
        )
    )
    print(f"results: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
