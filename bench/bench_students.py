"""Students' paths on the demo school (issue 16), as a department head opens them: the roll-change
list (about 3,700 changes), a student's path, the request page with its rules, the demand of a
choice window, the textbook register, the change register of every change carried out, and the
2013 figures of the app.

Each page is opened once cold, then three times; times are min/median/max of three, through
Django's test client (no network), with the number of queries of the last run. The target is
≤ 300 ms for a page and ≤ 3 s for a file or the year's figures.

Run: `uv run --frozen python bench/bench_students.py` (builds the demo in a fresh SQLite file,
about a minute) or with DATABASE_URL=… for another database.
"""

from __future__ import annotations

import time

from common import setup_django, time_page

PAGE_TARGET, FILE_TARGET = 0.3, 3.0


def main() -> None:
    backend = setup_django()
    import datetime as dt

    from django.core.management import call_command
    from django.test import Client

    from qingshan.accounts.models import User
    from qingshan.core.figures import Period, Scope, registry
    from qingshan.core.models import School
    from qingshan.students.models import ChoiceOffer, RollChange
    from qingshan.students.services import choices

    started = time.perf_counter()
    call_command("demo", verbosity=0)
    print(f"demo built in {time.perf_counter() - started:.0f} s ({backend})")
    school = School.objects.get(slug="tongjiang-vocational")
    moved = RollChange.objects.for_school(school).filter(kind="track").first()
    assert moved is not None
    student = moved.student
    window = choices.create_window(
        school=school,
        values={
            "title": "bench",
            "opens_on": dt.date(2013, 8, 15),
            "closes_on": dt.date(2013, 8, 31),
            "effective_on": dt.date(2013, 9, 3),
        },
    )
    for school_class in student.school_class.grade_team.classes.all()[:12]:
        ChoiceOffer.objects.create(
            school=school,
            window=window,
            track=school_class.track,
            major=school_class.major,
            school_class=school_class,
            places=40,
        )
    client = Client()
    client.force_login(User.objects.get(username="head"))
    pages = {
        "roll-change list": ("/students/changes/", PAGE_TARGET),
        "a student's path": (f"/students/paths/{student.pk}/", PAGE_TARGET),
        "request a change": (f"/students/paths/{student.pk}/change/", PAGE_TARGET),
        "window demand": (f"/students/windows/{window.pk}/demand/", PAGE_TARGET),
        "textbook register": ("/students/textbook/", PAGE_TARGET),
        "change register": ("/students/changes/register/", FILE_TARGET),
    }
    for name, (path, target) in pages.items():
        time_page(lambda path=path: client.get(path), target, name)
    figures = [figure for figure in registry if figure.key.startswith("students.")]
    scope, period = Scope.of_school(school), Period.year(2013)
    time_page(
        lambda: [figure.compute(scope, period).value for figure in figures],
        FILE_TARGET,
        f"{len(figures)} figures of 2013",
    )


if __name__ == "__main__":
    main()
