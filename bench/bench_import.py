"""A 10,000-row student roster: dry run plus import, against the 20 s target (DESIGN §7)."""

from __future__ import annotations

import datetime as dt
import io
import time

from common import setup_django, synthetic_school

ROWS = 10_000


def roster(classes: list[str]) -> bytes:
    import openpyxl

    from qingshan.core.validators import make_resident_id

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["学号", "姓名", "性别", "身份证号", "班级", "入学日期", "监护人姓名", "与学生关系"]
    )
    for n in range(ROWS):
        birth = dt.date(1997, 1, 1) + dt.timedelta(days=n // 400)
        sheet.append(
            [
                f"N{n:06d}",
                f"新生{n}",
                "女",
                make_resident_id("511922", birth, n % 400 * 2),
                classes[n % len(classes)],
                "2014-09-01",
                f"家长{n}",
                "母亲",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    backend = setup_django()
    from django.utils import translation

    from qingshan.organization.importers import StudentImporter
    from qingshan.organization.models import SchoolClass

    translation.activate("zh-hans")
    school = synthetic_school(slug="bench-import", students=500)
    data = roster(list(SchoolClass.objects.for_school(school).values_list("name", flat=True)))

    start = time.perf_counter()
    dry = StudentImporter(school).run(data, "roster.xlsx", dry_run=True)
    middle = time.perf_counter()
    real = StudentImporter(school).run(data, "roster.xlsx", dry_run=False)
    end = time.perf_counter()

    assert dry.ok and real.written, (dry.errors[:5], real.errors[:5])
    total = end - start
    print(
        f"database: {backend}; {ROWS} rows: dry run {middle - start:.1f} s, import {end - middle:.1f} s, together {total:.1f} s "
        f"({total / 20:.2f} of the 20 s budget); created {real.created}"
    )


if __name__ == "__main__":
    main()
