from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.core.figures import Period, Scope, registry
from qingshan.core.tabular.errors import ErrorCategory
from qingshan.party.enums import MemberStatus, RecruitStatus, Stage
from qingshan.party.importers import MemberImporter, RecruitImporter
from qingshan.party.models import Member, Recruit
from qingshan.party.services.recruitment import register_application
from tests.party_factories import BranchFactory, MemberFactory, PartyGroupFactory

RECRUIT_HEADER = [
    "姓名",
    "性别",
    "出生日期",
    "类别",
    "申请入党日期",
    "确定积极分子日期",
    "确定发展对象日期",
    "支部大会通过日期",
    "上级党委审批日期",
    "转正日期",
]


def workbook(header: list[str], rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_members_import_with_their_groups(school: Any) -> None:
    branch = BranchFactory(school=school)
    PartyGroupFactory(branch=branch, school=school, name="第一党小组")
    data = workbook(
        ["姓名", "性别", "党小组", "党员状态", "入党日期", "转正日期"],
        [["王一", "男", "第一党小组", "full", "2001-07-01", "2002-07-01"]],
    )

    report = MemberImporter(school).run(data, "members.xlsx", dry_run=False)

    assert report.ok, report.errors
    assert list(Member.objects.values_list("name", "group__name", "status")) == [
        ("王一", "第一党小组", MemberStatus.FULL)
    ]


def test_a_full_member_row_without_its_date_imports_nothing(school: Any) -> None:
    data = workbook(
        ["姓名", "性别", "党员状态", "入党日期"], [["王一", "男", "full", "2001-07-01"]]
    )

    report = MemberImporter(school).run(data, "members.xlsx", dry_run=False)

    assert [e.category for e in report.errors] == [ErrorCategory.MISSING]
    assert Member.objects.count() == 0


def test_a_member_row_naming_an_unknown_staff_number_is_refused_in_its_column(
    school: Any,
) -> None:
    data = workbook(
        ["姓名", "性别", "党员状态", "入党日期", "转正日期", "工号"],
        [["王一", "男", "full", "2001-07-01", "2002-07-01", "T-404"]],
    )

    report = MemberImporter(school).run(data, "members.xlsx", dry_run=False)

    assert [(e.column, e.category) for e in report.errors] == [
        ("Staff number", ErrorCategory.REFERENCE)
    ]
    assert "T-404" in report.errors[0].message
    assert Member.objects.count() == 0


def test_recruits_import_with_stage_dates_become_members(school: Any) -> None:
    data = workbook(
        RECRUIT_HEADER,
        [
            [
                "赵一",
                "女",
                "1988-01-01",
                "teacher",
                "2010-03-01",
                "2010-06-01",
                "2011-07-01",
                "2011-10-10",
                "2011-11-20",
                "2012-10-10",
            ],
            ["钱二", "男", "1990-01-01", "teacher", "2013-03-01", "", "", "", "", ""],
        ],
    )

    report = RecruitImporter(school).run(data, "recruits.xlsx", dry_run=False)

    assert report.ok, report.errors
    full = Recruit.objects.get(name="赵一")
    assert (full.stage, full.status, full.member.status) == (
        Stage.FULL,
        RecruitStatus.COMPLETED,
        MemberStatus.FULL,
    )
    assert list(full.steps.order_by("step").values_list("step", flat=True)) == [1, 3, 7, 15, 17, 24]
    assert Recruit.objects.get(name="钱二").stage == Stage.APPLICANT


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (
            ["赵一", "女", "1996-03-02", "student", "2014-03-01", "", "", "", "", ""],
            "Applied on",
        ),  # under 18
        (
            [
                "赵一",
                "女",
                "1988-01-01",
                "teacher",
                "2010-03-01",
                "2010-06-01",
                "2011-05-31",
                "",
                "",
                "",
            ],
            "Candidate since",
        ),  # < 1 year
        (
            [
                "赵一",
                "女",
                "1988-01-01",
                "teacher",
                "2010-03-01",
                "2010-06-01",
                "2011-07-01",
                "2011-10-10",
                "2011-11-20",
                "2012-10-09",
            ],
            "Full member since",
        ),
        (
            ["赵一", "女", "1988-01-01", "teacher", "2010-03-01", "", "2011-07-01", "", "", ""],
            "Candidate since",
        ),  # gap
    ],
)
def test_recruit_rows_breaking_a_rule_import_nothing(
    school: Any, row: list[str], column: str
) -> None:
    report = RecruitImporter(school).run(
        workbook(RECRUIT_HEADER, [row]), "recruits.xlsx", dry_run=False
    )

    assert column in [e.column for e in report.errors]
    assert Recruit.objects.count() == 0


def test_party_member_figures_agree_with_the_raw_rows(school: Any) -> None:
    MemberFactory(school=school, joined_on=dt.date(2000, 1, 1))
    MemberFactory(
        school=school, joined_on=dt.date(2013, 6, 1), status=MemberStatus.PROBATIONARY, full_on=None
    )
    MemberFactory(school=school, joined_on=dt.date(2014, 2, 1))
    scope, period = Scope.of_school(school), Period.year(2013)

    members = registry.get("party.members").evaluate(scope, period)
    full = registry.get("party.full_members").evaluate(scope, period)
    probationary = registry.get("party.probationary_members").evaluate(scope, period)

    raw = [m for m in Member.objects.filter(school=school) if m.joined_on <= period.end]
    assert members.value == len(raw) == 2
    assert full.value == len([m for m in raw if m.full_on and m.full_on <= period.end]) == 1
    assert probationary.value == 1


def test_new_applicants_by_teachers_and_students(school: Any) -> None:
    from qingshan.party.services.recruitment import record_step

    talker = MemberFactory(school=school)
    for name, category in (("一", "teacher"), ("二", "student")):
        recruit = register_application(
            school=school,
            name=name,
            gender="male",
            birth_date=dt.date(1990, 1, 1),
            applied_on=dt.date(2013, 3, 1),
            category=category,
        )
        record_step(recruit=recruit, step=2, date=dt.date(2013, 3, 10), actors=[talker])
        record_step(recruit=recruit, step=3, date=dt.date(2013, 6, 1), league_recommended=True)

    result = registry.get("party.new_activists").evaluate(
        Scope.of_school(school), Period.year(2013)
    )

    assert result.value == 2
    assert sorted(result.breakdown.values()) == [0, 1, 1]


def test_the_api_registers_an_application_and_records_a_step(
    school: Any, user_with_role: Any
) -> None:
    BranchFactory(school=school)
    talker = MemberFactory(school=school)
    _token, raw = create_api_token(user=user_with_role(Role.SECRETARY, school), name="api")
    client = Client(headers={"Authorization": f"Bearer {raw}"})

    created = client.post(
        "/api/v1/party/recruits/",
        {"name": "接口", "gender": "male", "birth_date": "1990-01-01", "applied_on": "2013-03-01"},
        content_type="application/json",
    )
    step = client.post(
        f"/api/v1/party/recruits/{created.json()['id']}/steps/",
        {"step": 2, "date": "2013-03-10", "actor_ids": [talker.pk]},
        content_type="application/json",
    )
    too_early = client.post(
        f"/api/v1/party/recruits/{created.json()['id']}/steps/",
        {"step": 3, "date": "2013-03-01"},
        content_type="application/json",
    )
    detail = client.get(f"/api/v1/party/recruits/{created.json()['id']}/").json()

    assert (created.status_code, step.status_code, too_early.status_code) == (201, 201, 422)
    assert [item["step"] for item in detail["steps"]] == [1, 2]
    assert too_early.json()["error"]["code"] == "invalid"


def test_the_api_compliance_lists_rows(school: Any, user_with_role: Any) -> None:
    BranchFactory(school=school)
    _token, raw = create_api_token(user=user_with_role(Role.SECRETARY, school), name="api")

    rows = (
        Client(headers={"Authorization": f"Bearer {raw}"})
        .get("/api/v1/party/compliance/", {"year": 2013})
        .json()
    )

    assert {row["kind"] for row in rows} >= {"members_meeting", "political_study"}


def _secretary_api(school: Any, user_with_role: Any) -> Client:
    BranchFactory(school=school)
    _token, raw = create_api_token(user=user_with_role(Role.SECRETARY, school), name="api")
    return Client(headers={"Authorization": f"Bearer {raw}"})


MEMBER = {"name": "直录", "gender": "male", "category": "teacher", "status": "full"}


@pytest.mark.parametrize(
    ("fields", "refused_field"),
    [
        (
            {"birth_date": "2002-03-01", "joined_on": "2013-07-01", "full_on": "2014-07-01"},
            "birth_date",
        ),
        (
            {"birth_date": "1980-03-01", "joined_on": "2013-07-01", "full_on": "2013-10-01"},
            "full_on",
        ),
    ],
)
def test_a_member_entered_directly_meets_the_age_and_probation_rules(
    school: Any, user_with_role: Any, fields: dict[str, str], refused_field: str
) -> None:
    client = _secretary_api(school, user_with_role)

    refused = client.post(
        "/api/v1/party/member/", {**MEMBER, **fields}, content_type="application/json"
    )

    assert refused.status_code == 422
    assert list(refused.json()["error"]["fields"]) == [refused_field]
    assert "historic record" in refused.json()["error"]["fields"][refused_field][0]
    assert not Member.objects.exists()


def test_a_member_whose_dates_break_the_rules_is_accepted_as_an_explained_historic_record(
    school: Any, user_with_role: Any
) -> None:
    client = _secretary_api(school, user_with_role)
    fields = {"birth_date": "1980-03-01", "joined_on": "1998-07-01", "full_on": "1998-12-01"}

    created = client.post(
        "/api/v1/party/member/",
        {**MEMBER, **fields, "register_note": "1998年按当时规定提前转正，有上级批复"},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert Member.objects.get().register_note.startswith("1998年")


def test_an_import_row_breaking_the_register_rules_names_the_rule(school: Any) -> None:
    data = workbook(
        ["姓名", "性别", "出生日期", "党员状态", "入党日期", "转正日期"],
        [["王少", "男", "2000-05-01", "full", "2013-07-01", "2014-07-01"]],
    )

    report = MemberImporter(school).run(data, "members.xlsx", dry_run=False)

    assert [(e.category, "under the age of 18" in e.message) for e in report.errors] == [
        (ErrorCategory.INVALID, True)
    ]
    assert not Member.objects.exists()
