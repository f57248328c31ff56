"""Excel/CSV imports of a school's organisation and rolls (see ``qingshan.core.importing``)."""

from __future__ import annotations

from typing import Any, ClassVar

from qingshan.core.importing import Importer, Planned
from qingshan.core.tabular.errors import RowError
from qingshan.core.tabular.parsing import (
    ChoiceParser,
    parse_bool,
    parse_date,
    parse_int,
    parse_resident_id,
)
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization import enums
from qingshan.organization.models import (
    Department,
    GradeTeam,
    Guardian,
    GuardianLink,
    Major,
    SchoolClass,
    Staff,
    Student,
)


def _year_cell(value: str) -> int:
    return parse_int(value, min_value=1950, max_value=2100)


PERSON_COLUMNS = (
    Column("name", "姓名", "Name", required=True, example="王小明"),
    Column("gender", "性别", "Gender", ChoiceParser(enums.Gender), required=True, example="男"),
    Column(
        "id_number",
        "身份证号",
        "Resident ID number",
        parse_resident_id,
        example="51192119970501123X",
    ),
    Column("birth_date", "出生日期", "Date of birth", parse_date, example="1997-05-01"),
    Column("ethnicity", "民族", "Ethnicity", example="汉族"),
    Column(
        "political_status",
        "政治面貌",
        "Political status",
        ChoiceParser(enums.PoliticalStatus),
        example="共青团员",
    ),
    Column("phone", "联系电话", "Phone", example="13900000000"),
)

DEPARTMENT_SHEET = SheetSpec(
    key="departments",
    title_zh="部门",
    title_en="Departments",
    columns=(
        Column("name", "部门名称", "Department", required=True, example="教务处"),
        Column("description", "职责", "Responsibilities", example="教学管理"),
        Column(
            "sort_order",
            "排序",
            "Order",
            lambda v: parse_int(v, min_value=0, max_value=999),
            example="1",
        ),
    ),
)
MAJOR_SHEET = SheetSpec(
    key="majors",
    title_zh="专业",
    title_en="Majors",
    columns=(
        Column("code", "专业代码", "Major code", required=True, example="08"),
        Column("name", "专业名称", "Major", required=True, example="计算机应用"),
        Column(
            "length_years",
            "学制",
            "Length of study (years)",
            lambda v: parse_int(v, min_value=1, max_value=6),
            example="3",
        ),
        Column("established_year", "开设年份", "Year established", _year_cell, example="2005"),
    ),
)
CLASS_SHEET = SheetSpec(
    key="classes",
    title_zh="班级",
    title_en="Classes",
    columns=(
        Column("name", "班级名称", "Class", required=True, example="2013级计算机应用1班"),
        Column("entry_year", "入学年份", "Entry year", _year_cell, required=True, example="2013"),
        Column("track", "类别", "Track", ChoiceParser(enums.Track), required=True, example="职高"),
        Column("major", "专业代码", "Major code", example="08"),
        Column(
            "length_years",
            "学制",
            "Length of study (years)",
            lambda v: parse_int(v, min_value=1, max_value=6),
            example="3",
        ),
        Column("head_teacher", "班主任工号", "Head teacher's staff number", example="T0012"),
    ),
)
STAFF_SHEET = SheetSpec(
    key="staff",
    title_zh="教职工",
    title_en="Staff",
    columns=(
        Column("staff_no", "工号", "Staff number", required=True, example="T0001"),
        *PERSON_COLUMNS,
        Column("department", "部门", "Department", example="教务处"),
        Column("position", "职务", "Position", example="教师"),
        Column(
            "title",
            "职称",
            "Professional title",
            ChoiceParser(enums.ProfessionalTitle),
            example="一级教师",
        ),
        Column("education", "学历", "Education", ChoiceParser(enums.Education), example="本科"),
        Column("subject", "任教学科", "Main subject", example="语文"),
        Column(
            "hired_on", "入校日期", "Joined on", parse_date, required=True, example="2005-09-01"
        ),
        Column("left_on", "离校日期", "Left on", parse_date),
    ),
)
STUDENT_SHEET = SheetSpec(
    key="students",
    title_zh="学生",
    title_en="Students",
    columns=(
        Column("student_no", "学号", "Student number", required=True, example="201300001"),
        *PERSON_COLUMNS,
        Column("school_class", "班级", "Class", required=True, example="2013级计算机应用1班"),
        Column(
            "enrolled_on",
            "入学日期",
            "Enrolled on",
            parse_date,
            required=True,
            example="2013-09-01",
        ),
        Column("status", "学籍状态", "Status", ChoiceParser(enums.StudentStatus), example="在读"),
        Column(
            "household",
            "户籍",
            "Household registration",
            ChoiceParser(enums.Household),
            example="农村",
        ),
        Column("boarding", "住校", "Boards at school", parse_bool, example="是"),
        Column("home_address", "家庭住址", "Home address", example="通江县诺江镇"),
        Column("guardian_name", "监护人姓名", "Guardian's name", example="王大山"),
        Column("guardian_phone", "监护人电话", "Guardian's phone", example="13800000000"),
        Column(
            "guardian_relation",
            "与学生关系",
            "Relation to the student",
            ChoiceParser(enums.GuardianRelation),
            example="父亲",
        ),
    ),
)


def _copy(record: Any, values: dict[str, Any], names: tuple[str, ...]) -> None:
    """Copy the given values; a blank optional cell keeps the model's default or current value."""
    for name in names:
        if values.get(name) is not None:
            setattr(record, name, values[name])


PERSON_NAMES = tuple(column.key for column in PERSON_COLUMNS)


class DepartmentImporter(Importer[Department]):
    sheet = DEPARTMENT_SHEET
    model = Department
    key_column = "name"

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        _copy(record, values, ("name", "description", "sort_order"))
        return []


class MajorImporter(Importer[Major]):
    sheet = MAJOR_SHEET
    model = Major
    key_column = "code"
    unique_columns = ("name",)

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        _copy(record, values, ("code", "name", "length_years", "established_year"))
        return []


class ClassImporter(Importer[SchoolClass]):
    sheet = CLASS_SHEET
    model = SchoolClass
    key_column = "name"
    references: ClassVar[dict[str, str]] = {"major": "majors", "head_teacher": "staff"}

    def prepare(self) -> None:
        super().prepare()
        self.majors = {major.code: major for major in Major.objects.for_school(self.school)}
        self.staff = {member.staff_no: member for member in Staff.objects.for_school(self.school)}
        self.teams = {team.entry_year: team for team in GradeTeam.objects.for_school(self.school)}

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        _copy(record, values, ("name", "entry_year", "track", "length_years"))
        record.major = self.referenced("major", values)
        if values["head_teacher"]:
            record.head_teacher = self.referenced("head_teacher", values)
        # Grade teams follow from entry years; a missing one is made on write.
        record.grade_team = self.teams.get(values["entry_year"]) or GradeTeam(
            school=self.school, entry_year=values["entry_year"], name=f"{values['entry_year']}级"
        )
        return []

    def _write(self, planned: list[Planned[SchoolClass]], actor: Any) -> None:
        new_teams = {
            item.record.grade_team.entry_year: item.record.grade_team
            for item in planned
            if item.record.grade_team.pk is None
        }
        GradeTeam.objects.bulk_create(new_teams.values())
        for item in planned:
            item.record.grade_team = new_teams.get(
                item.record.grade_team.entry_year, item.record.grade_team
            )
        super()._write(planned, actor)


class StaffImporter(Importer[Staff]):
    sheet = STAFF_SHEET
    model = Staff
    key_column = "staff_no"
    unique_columns = ("id_number",)
    references: ClassVar[dict[str, str]] = {"department": "departments"}

    def prepare(self) -> None:
        super().prepare()
        self.departments = {
            department.name: department for department in Department.objects.for_school(self.school)
        }

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        _copy(
            record,
            values,
            (
                "staff_no",
                *PERSON_NAMES,
                "position",
                "title",
                "education",
                "subject",
                "hired_on",
                "left_on",
            ),
        )
        if values["department"]:
            record.department = self.referenced("department", values)
        return []


class StudentImporter(Importer[Student]):
    sheet = STUDENT_SHEET
    model = Student
    key_column = "student_no"
    unique_columns = ("id_number",)
    references: ClassVar[dict[str, str]] = {"school_class": "classes"}

    def prepare(self) -> None:
        super().prepare()
        self.classes = {
            school_class.name: school_class
            for school_class in SchoolClass.objects.for_school(self.school)
        }

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        _copy(
            record,
            values,
            (
                "student_no",
                *PERSON_NAMES,
                "household",
                "boarding",
                "home_address",
            ),
        )
        # An existing student's class, status and dates move only by roll changes (students'
        # paths): a sheet sets them for new students and leaves them as they are otherwise.
        if record.pk is None:
            _copy(record, values, ("enrolled_on", "status"))
            record.school_class = self.referenced("school_class", values)
        return []

    def after_write(self, planned: list[Planned]) -> None:
        wanted = [item for item in planned if item.extra.get("guardian_name")]
        if not wanted:
            return
        linked = set(
            GuardianLink.objects.for_school(self.school)
            .filter(student__in=[item.record for item in wanted])
            .values_list("student_id", "guardian__name")
        )
        fresh = [
            item for item in wanted if (item.record.pk, item.extra["guardian_name"]) not in linked
        ]
        guardians = Guardian.objects.bulk_create(
            Guardian(
                school=self.school,
                name=item.extra["guardian_name"],
                phone=item.extra.get("guardian_phone") or "",
            )
            for item in fresh
        )
        GuardianLink.objects.bulk_create(
            GuardianLink(
                school=self.school,
                guardian=guardian,
                student=item.record,
                relation=item.extra.get("guardian_relation") or enums.GuardianRelation.OTHER,
            )
            for guardian, item in zip(guardians, fresh, strict=True)
        )


IMPORTERS: dict[str, type[Importer[Any]]] = {
    importer.sheet.key: importer
    for importer in (
        DepartmentImporter,
        MajorImporter,
        ClassImporter,
        StaffImporter,
        StudentImporter,
    )
}
