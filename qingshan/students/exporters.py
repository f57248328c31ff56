"""The change register (学籍变动名册): one row per roll change carried out, with the class the
student left and the class they joined, as the school sends it to the bureau."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from qingshan.core.masking import mask_identifier
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.enums import Gender
from qingshan.students.enums import ChangeKind
from qingshan.students.models import RollChange

REGISTER = SheetSpec(
    key="roll_changes",
    title_zh="学籍变动名册",
    title_en="Roll-change register",
    columns=(
        Column("number", "序号", "No."),
        Column("roll_number", "学籍号", "Roll number"),
        Column("student_no", "学号", "Student number"),
        Column("name", "姓名", "Name"),
        Column("gender", "性别", "Gender"),
        Column("id_number", "身份证号", "Resident ID number"),
        Column("kind", "异动类别", "Kind of change"),
        Column("effective_on", "异动日期", "Takes effect on"),
        Column("from_class", "原班级", "From the class"),
        Column("to_class", "现班级", "To the class"),
        Column("reason", "异动原因", "Reason"),
        Column("other_school", "转入/转出学校", "The other school"),
        Column("certificate_no", "毕业证书编号", "Certificate number"),
        Column("approved_on", "学校批准日期", "Approved by the school on"),
        Column("bureau_reference", "教育局批复文号", "The bureau's reply"),
    ),
)


def register_rows(
    changes: QuerySet[RollChange], *, masked: bool
) -> tuple[SheetSpec, Iterator[dict[str, Any]]]:
    """The register of ``changes`` (oldest first); identifiers masked when ``masked``."""
    ordered = (
        changes.select_related("student__roll_number")
        .prefetch_related("closed__school_class", "opened__school_class")
        .order_by("effective_on", "pk")
    )

    def hidden(value: str) -> str:
        return mask_identifier(value) if masked and value else value

    # labels translated once, not once per row (a register holds thousands)
    kinds = {value: str(label) for value, label in ChangeKind.choices}
    genders = {value: str(label) for value, label in Gender.choices}

    def rows() -> Iterator[dict[str, Any]]:
        for number, change in enumerate(ordered, start=1):
            student = change.student
            roll = getattr(student, "roll_number", None)
            left = next(iter(change.closed.all()), None)
            joined = next(iter(change.opened.all()), None)
            yield {
                "number": number,
                "roll_number": hidden(roll.number if roll else ""),
                "student_no": student.student_no,
                "name": student.name,
                "gender": genders.get(student.gender, student.gender),
                "id_number": hidden(student.id_number),
                "kind": kinds[change.kind],
                "effective_on": change.effective_on,
                "from_class": str(left.school_class) if left else "",
                "to_class": str(joined.school_class) if joined else "",
                "reason": change.reason,
                "other_school": change.other_school,
                "certificate_no": change.certificate_no,
                "approved_on": change.decided_on,
                "bureau_reference": change.bureau_reference,
            }

    return REGISTER, rows()
