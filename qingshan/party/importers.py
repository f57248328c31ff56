"""Excel/CSV import of existing party members and of recruits with their stage dates.

Recruits arrive with the dates of their key steps (application, activist, candidate, branch
resolution, approval, conversion); each row is checked against the statutory time rules of
its dates before anything is written, and the key steps are recorded as they happened.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from qingshan.core.dates import add_months
from qingshan.core.importing import Importer, Planned
from qingshan.core.models import School
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import ChoiceParser, parse_bool, parse_date
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.enums import Gender
from qingshan.organization.models import Staff, Student
from qingshan.party.enums import (
    STAGE_REACHED_BY_STEP,
    MemberCategory,
    MembershipEventKind,
    MemberStatus,
    RecruitStatus,
    Stage,
    Step,
)
from qingshan.party.models import Member, MembershipEvent, PartyGroup, Recruit, RecruitmentStep
from qingshan.party.rulesets import age_on, ruleset_for
from qingshan.party.services.organisation import register_breaches

PERSON = (
    Column("name", "姓名", "Name", required=True, example="王青山"),
    Column("gender", "性别", "Gender", ChoiceParser(Gender), required=True, example="男"),
    Column("birth_date", "出生日期", "Date of birth", parse_date, example="1980-03-01"),
    Column("category", "类别", "Category", ChoiceParser(MemberCategory), example="教职工"),
    Column("staff_no", "工号", "Staff number", example="T0001"),
    Column("student_no", "学号", "Student number"),
)

MEMBER_SHEET = SheetSpec(
    key="party_members",
    title_zh="党员",
    title_en="Party members",
    columns=(
        *PERSON,
        Column("group", "党小组", "Party group", example="第一党小组"),
        Column(
            "status",
            "党员状态",
            "Status",
            ChoiceParser(MemberStatus),
            required=True,
            example="正式党员",
        ),
        Column(
            "joined_on", "入党日期", "Admitted on", parse_date, required=True, example="2001-07-01"
        ),
        Column("full_on", "转正日期", "Full member since", parse_date, example="2002-07-01"),
        Column("phone", "联系电话", "Phone"),
        Column(
            "register_note",
            "历史记录说明",
            "Explanation of a historic record",
            help_text="Needed only when the dates break today's rules (admitted under 18, or "
            "full before a year of probation): why the record is so.",
        ),
    ),
)

RECRUIT_SHEET = SheetSpec(
    key="recruits",
    title_zh="发展对象",
    title_en="Recruits",
    columns=(
        *(column for column in PERSON if column.key != "birth_date"),
        Column(
            "birth_date",
            "出生日期",
            "Date of birth",
            parse_date,
            required=True,
            example="1990-03-01",
        ),
        Column("is_league_member", "共青团员", "Youth League member", parse_bool, example="是"),
        Column(
            "applied_on",
            "申请入党日期",
            "Applied on",
            parse_date,
            required=True,
            example="2011-03-01",
        ),
        Column(
            "activist_on", "确定积极分子日期", "Activist since", parse_date, example="2011-06-01"
        ),
        Column(
            "candidate_on", "确定发展对象日期", "Candidate since", parse_date, example="2012-07-01"
        ),
        Column(
            "admitted_on",
            "支部大会通过日期",
            "Branch resolution on",
            parse_date,
            example="2012-10-10",
        ),
        Column("approved_on", "上级党委审批日期", "Approved on", parse_date, example="2012-11-20"),
        Column("full_on", "转正日期", "Full member since", parse_date, example="2013-10-10"),
    ),
)

KEY_STEPS = (
    ("applied_on", Step.APPLICATION),
    ("activist_on", Step.ACTIVIST_CHOSEN),
    ("candidate_on", Step.CANDIDATE_CHOSEN),
    ("admitted_on", Step.BRANCH_VOTE),
    ("approved_on", Step.APPROVAL),
    ("full_on", Step.CONVERSION_APPROVAL),
)


class PeopleLinks:
    """Resolves staff and student numbers of the school, loaded once."""

    def load(self, school: School) -> None:
        self.staff = {person.staff_no: person for person in Staff.objects.for_school(school)}
        self.students = {person.student_no: person for person in Student.objects.for_school(school)}

    def link(
        self, importer: Importer[Any], row: RawRow, values: dict[str, Any], record: Any
    ) -> list[RowError]:
        errors = []
        for key, people, attribute in (
            ("staff_no", self.staff, "staff"),
            ("student_no", self.students, "student"),
        ):
            if values.get(key):
                person = people.get(values[key])
                if person is None:
                    errors.append(
                        importer.error(
                            row,
                            key,
                            ErrorCategory.REFERENCE,
                            gettext("“%(value)s” does not exist at this school; add it first.")
                            % {"value": values[key]},
                        )
                    )
                setattr(record, attribute, person)
        return errors


class MemberImporter(Importer[Member]):
    sheet = MEMBER_SHEET
    model = Member
    key_column = "name"
    unique_columns = ("staff_no", "student_no")

    def prepare(self) -> None:
        super().prepare()
        self.people = PeopleLinks()
        self.people.load(self.school)
        self.groups = {group.name: group for group in PartyGroup.objects.for_school(self.school)}
        self.linked = {
            (kind, person_id): member_pk
            for member_pk, staff_id, student_id in Member.objects.for_school(
                self.school
            ).values_list("pk", "staff_id", "student_id")
            for kind, person_id in (("staff", staff_id), ("student", student_id))
            if person_id
        }

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        for name in (
            "name",
            "gender",
            "birth_date",
            "category",
            "status",
            "joined_on",
            "full_on",
            "phone",
            "register_note",
        ):
            if values.get(name) is not None:
                setattr(record, name, values[name])
        errors = self.people.link(self, row, values, record)
        for kind, key in (("staff", "staff_no"), ("student", "student_no")):
            person_id = getattr(record, f"{kind}_id")
            holder = self.linked.get((kind, person_id))
            if person_id and holder is not None and holder != record.pk:
                errors.append(
                    self.error(
                        row,
                        key,
                        ErrorCategory.CONFLICT,
                        gettext("This person is already linked to another member."),
                    )
                )
        if values.get("group"):
            record.group = self.groups.get(values["group"])
            if record.group is None:
                errors.append(
                    self.error(
                        row,
                        "group",
                        ErrorCategory.REFERENCE,
                        gettext("“%(value)s” does not exist at this school; add it first.")
                        % {"value": values["group"]},
                    )
                )
        if not record.register_note.strip():
            errors += [
                self.error(row, field, ErrorCategory.INVALID, message)
                for field, message in register_breaches(record).items()
            ]
        if record.status == MemberStatus.FULL and record.full_on is None:
            errors.append(
                self.error(
                    row,
                    "full_on",
                    ErrorCategory.MISSING,
                    gettext("A full member needs the date of full membership."),
                )
            )
        if (
            record.status == MemberStatus.PROBATIONARY
            and record.probation_ends_on is None
            and record.joined_on
        ):
            record.probation_ends_on = add_months(record.joined_on, 12)
        return errors


class RecruitImporter(Importer[Recruit]):
    sheet = RECRUIT_SHEET
    model = Recruit
    key_column = "name"

    def prepare(self) -> None:
        super().prepare()
        self.people = PeopleLinks()
        self.people.load(self.school)

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        if record.pk:
            return [
                self.error(
                    row,
                    "name",
                    ErrorCategory.CONFLICT,
                    gettext("This recruit is already recorded; change it on its page."),
                )
            ]
        for name in ("name", "gender", "birth_date", "category"):
            if values.get(name) is not None:
                setattr(record, name, values[name])
        record.is_league_member = bool(values.get("is_league_member"))
        errors = self.people.link(self, row, values, record)
        errors += self._check_dates(row, values)
        reached = [step for key, step in KEY_STEPS if values.get(key)]
        record.stage = max([Stage.APPLICANT, *(_stage_after(step) for step in reached)])
        record.status = (
            RecruitStatus.COMPLETED if Step.CONVERSION_APPROVAL in reached else RecruitStatus.ACTIVE
        )
        return errors

    def _check_dates(self, row: RawRow, values: dict[str, Any]) -> list[RowError]:
        def refuse(key: str, message: str) -> RowError:
            return self.error(row, key, ErrorCategory.INVALID, message)

        errors = []
        dates = [(key, values.get(key)) for key, _step in KEY_STEPS]
        present = [(key, day) for key, day in dates if day]
        keys = [key for key, _day in present]
        if keys != [key for key, _day in dates[: len(keys)]]:
            errors.append(
                refuse(
                    keys[-1],
                    gettext("A later stage's date is given while an earlier one is missing."),
                )
            )
        for (before_key, before), (key, day) in pairwise(present):
            if day < before:
                errors.append(
                    refuse(
                        key,
                        gettext("This date is before %(previous)s.")
                        % {
                            "previous": self.sheet.column(before_key).header(
                                translation.get_language()
                            )
                        },
                    )
                )
        rules = ruleset_for(values["applied_on"])
        if age_on(values["birth_date"], values["applied_on"]) < rules.minimum_age:
            errors.append(
                refuse(
                    "applied_on",
                    gettext("An applicant must be at least %(age)d years old.")
                    % {"age": rules.minimum_age},
                )
            )
        activist, candidate = values.get("activist_on"), values.get("candidate_on")
        if (
            activist
            and candidate
            and candidate < add_months(activist, ruleset_for(candidate).activist_months)
        ):
            errors.append(
                refuse(
                    "candidate_on",
                    gettext("At least one year as activist is required before candidacy."),
                )
            )
        admitted, approved, full = (
            values.get("admitted_on"),
            values.get("approved_on"),
            values.get("full_on"),
        )
        if (
            admitted
            and approved
            and approved > add_months(admitted, ruleset_for(approved).approval_months_special)
        ):
            errors.append(
                refuse(
                    "approved_on",
                    gettext(
                        "The higher committee approves within six months of the branch resolution at the latest."
                    ),
                )
            )
        if (
            admitted
            and full
            and full < add_months(admitted, ruleset_for(admitted).probation_months)
        ):
            errors.append(
                refuse("full_on", gettext("Probation lasts one year from the branch resolution."))
            )
        return errors

    def after_write(self, planned: list[Planned]) -> None:
        steps, members, events = [], [], []
        for item in planned:
            recruit, values = item.record, item.extra
            for key, step in KEY_STEPS:
                if values.get(key):
                    steps.append(
                        RecruitmentStep(
                            school=self.school,
                            recruit=recruit,
                            step=step,
                            date=values[key],
                            ruleset=ruleset_for(values[key]).key,
                            opinion=gettext("Imported from a spreadsheet."),
                        )
                    )
            if values.get("approved_on"):
                joined = values.get("admitted_on") or values["approved_on"]
                members.append(
                    (
                        recruit,
                        Member(
                            school=self.school,
                            name=recruit.name,
                            gender=recruit.gender,
                            birth_date=recruit.birth_date,
                            category=recruit.category,
                            staff=recruit.staff,
                            student=recruit.student,
                            status=MemberStatus.FULL
                            if values.get("full_on")
                            else MemberStatus.PROBATIONARY,
                            joined_on=joined,
                            probation_ends_on=add_months(joined, 12),
                            full_on=values.get("full_on"),
                        ),
                    )
                )
        RecruitmentStep.objects.bulk_create(steps)
        created = Member.objects.bulk_create([member for _recruit, member in members])
        for (recruit, _member), member in zip(members, created, strict=True):
            recruit.member = member
            events.append(
                MembershipEvent(
                    school=self.school,
                    member=member,
                    kind=MembershipEventKind.ADMITTED,
                    date=member.joined_on,
                )
            )
        Recruit.objects.bulk_update([recruit for recruit, _member in members], ["member"])
        MembershipEvent.objects.bulk_create(events)


def _stage_after(step: int) -> int:
    return int(STAGE_REACHED_BY_STEP.get(step, Stage.APPLICANT))


IMPORTERS: dict[str, type[Importer[Any]]] = {
    MEMBER_SHEET.key: MemberImporter,
    RECRUIT_SHEET.key: RecruitImporter,
}
