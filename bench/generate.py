"""Synthetic schools for the benchmarks: a vocational school of about 5,000 students (× ``scale``)
with five years (2009–2013) of records in every app, or a county of N such schools.

The apps' own demo builders do most of the work (organisation, party, rating campaigns, the work
system, the document archive, honours) with their counts scaled up; ``synthetic_outward`` adds
the years and volumes the demo does not have. Seeded random: the same arguments give the same
records. ``--scale 2`` doubles the records.

Run: ``uv run --frozen python bench/generate.py --help`` (set DATABASE_URL for PostgreSQL).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

FIRST_YEAR, LAST_YEAR = 2009, 2013
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)
CLASS_FACTOR = 3  # the demo's classes per major and year, times this: ~5,000 students enrolled
STAFF_PER_SCALE = 300


@contextlib.contextmanager
def patched(module: ModuleType, **values: Any) -> Iterator[None]:
    """Set a demo module's constants (its counts, its year) for the duration of a build."""
    saved = {name: getattr(module, name) for name in values}
    for name, value in values.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def school_plan(slug: str, number: int, scale: int) -> Any:
    """The demo school's plan with ``scale`` times its departments, classes and staff."""
    from qingshan.organization import demo

    departments = tuple(
        (name if copy == 0 else f"{name}{copy + 1}", description)
        for copy in range(scale)
        for name, description in demo.DEPARTMENTS
    )
    return dataclasses.replace(
        demo.SEED_SCHOOL,
        slug=slug,
        name=f"基准职业中学{number}",
        short_name=f"基准职中{number}",
        code=f"99{number:08d}",
        majors=tuple(
            (code, name, year, per_year * CLASS_FACTOR * scale)
            for code, name, year, per_year in demo.MAJORS
        ),
        general_classes=demo.GENERAL_CLASSES_PER_YEAR * scale,
        departments=departments,
        staff_count=STAFF_PER_SCALE * scale,
    )


def build_organisation(slug: str, number: int, scale: int, authority: Any, seed: int) -> Any:
    from qingshan.organization import demo

    return demo.Builder(school_plan(slug, number, scale), authority, random.Random(seed)).build()


def build_party(school: Any, scale: int, seed: int) -> None:
    from qingshan.party import demo

    with patched(
        demo,
        TEACHER_RECRUITS_PER_YEAR=demo.TEACHER_RECRUITS_PER_YEAR * scale,
        STUDENT_RECRUITS_PER_YEAR=demo.STUDENT_RECRUITS_PER_YEAR * scale,
    ):
        demo.PartyDemo(school, random.Random(seed)).build()


def build_evaluations(school: Any, seed: int) -> None:
    """Every year an autumn campaign of students rating teachers and one of parents rating the
    school; 2013 as the demo has it (spring and autumn, the public, follow-ups)."""
    from qingshan.evaluations.demo import EvaluationDemo
    from qingshan.evaluations.enums import InstrumentKind
    from qingshan.organization.models import Term

    builder = EvaluationDemo(school, random.Random(seed))
    for year in YEARS[:-1]:
        autumn = Term.objects.get(school=school, school_year=year, semester=1)
        opens = dt.date(year, 12, 9)
        campaign = builder.campaign(
            InstrumentKind.STUDENTS_RATE_TEACHERS, autumn, f"{year}年秋季学期学生评教", opens
        )
        means = {target.pk: builder.rng.uniform(3.0, 4.7) for target in campaign.targets.all()}
        builder.rate(campaign, response=0.85, means=means)
        parents = builder.campaign(
            InstrumentKind.PARENTS_RATE_SCHOOL, autumn, f"{year}年秋季家长评校", opens
        )
        builder.rate(parents, response=0.6, means={})
    builder.build()


def build_workplans(school: Any, seed: int) -> None:
    """Plans, weekly statuses and decisions of every year; the grid of 2012–13 as the demo's."""
    from qingshan.workplans import demo

    builder = demo.WorkDemo(school, random.Random(seed))
    for year in YEARS:
        # Each year's filings run to its end; the last year's, like the demo's, into January.
        last = year == YEARS[-1]
        last_month = dt.date(year + 1, 1, 1) if last else dt.date(year, 12, 1)
        last_week = dt.date(year + 1, 1, 13) if last else dt.date(year, 12, 24)
        with patched(demo, YEAR=year, LAST_MONTH=last_month, LAST_WEEK=last_week):
            builder.plans_and_statuses()
            builder.decisions()
    builder.grid()


def build_school(
    *, slug: str, number: int = 1, scale: int = 1, authority: Any = None, seed: int = 1
) -> Any:
    """One synthetic school with five years of records in every app; returns the school."""
    import synthetic_outward as outward
    from django.db import transaction

    from qingshan.documents.demo import build_archive
    from qingshan.honours.demo import HonoursDemo

    authority = authority or bench_authority("bench-single")
    rng = random.Random(seed)
    with transaction.atomic():
        school = build_organisation(slug, number, scale, authority, seed)
        build_party(school, scale, seed + 1)
        build_evaluations(school, seed + 2)
        build_workplans(school, seed + 3)
        build_archive(school)
        outward.documents(school, rng, YEARS, scale)
        outward.trainings(school, rng, YEARS, scale)
        outward.outreach(school, rng, YEARS, scale)
        HonoursDemo(school).build()
        outward.honours(school, rng, YEARS, scale)
    analyze()
    return school


def analyze() -> None:
    """Refresh PostgreSQL's planner statistics, as autovacuum does after large writes; without
    them a freshly loaded table looks empty and the planner picks nested loops over it."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def bench_authority(slug: str) -> Any:
    from qingshan.core.models import Authority

    authority, _created = Authority.objects.get_or_create(
        slug=slug, defaults={"name": "基准县教育局", "region_code": "511921"}
    )
    return authority


def build_county(
    *, slug: str, schools: int, scale: int = 1, seed: int = 1, progress: bool = False
) -> Any:
    """An authority with ``schools`` synthetic schools (those built before are kept, so an
    interrupted build resumes); returns the authority."""
    from qingshan.core.models import School

    authority = bench_authority(slug)
    for number in range(1, schools + 1):
        if School.objects.filter(slug=f"{slug}-{number}").exists():
            continue
        started = time.perf_counter()
        build_school(
            slug=f"{slug}-{number}",
            number=number,
            scale=scale,
            authority=authority,
            seed=seed * 1000 + number,
        )
        if progress:
            print(f"  school {number}/{schools}: {time.perf_counter() - started:.0f} s", flush=True)
    return authority


def build_province(*, slug: str, schools: int, students: int = 120, progress: bool = False) -> Any:
    """An authority of ``schools`` small schools (``students`` each, their rolls only): the size
    of a province's roll-up, where what matters is reading many schools' stored figures."""
    from common import synthetic_school

    from qingshan.core.models import School

    authority = bench_authority(slug)
    for number in range(1, schools + 1):
        if not School.objects.filter(slug=f"{slug}-{number}").exists():
            synthetic_school(
                slug=f"{slug}-{number}", students=students, staff=12, authority=authority
            )
        if progress and number % 50 == 0:
            print(f"  school {number}/{schools}", flush=True)
    return authority


def record_counts(school: Any) -> dict[str, int]:
    """Rows of the school in each model that holds a ``school`` (for the benchmark's table)."""
    from django.apps import apps

    counts = {}
    for model in apps.get_models():
        if any(field.name == "school" for field in model._meta.concrete_fields):
            found = model._default_manager.filter(school=school).count()
            if found:
                counts[model._meta.label] = found
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--slug", default="bench-school", help="address name (prefix of a county)")
    parser.add_argument("--scale", type=int, default=1, help="records × this (default 1)")
    parser.add_argument("--schools", type=int, default=0, help="build a county of this many")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)

    from common import setup_django

    backend = setup_django()
    from django.conf import settings

    started = time.perf_counter()
    if args.schools:
        build_county(
            slug=args.slug, schools=args.schools, scale=args.scale, seed=args.seed, progress=True
        )
        print(f"{backend}: county {args.slug} of {args.schools} schools")
    else:
        school = build_school(slug=args.slug, scale=args.scale, seed=args.seed)
        total = sum(record_counts(school).values())
        print(f"{backend}: school {school.slug}, {total} records")
    print(
        f"built in {time.perf_counter() - started:.0f} s; {settings.DATABASES['default']['NAME']}"
    )


if __name__ == "__main__":
    main()
