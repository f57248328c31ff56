"""Pages of the work cycle: who opens, fills and files a unit's month, and what bad input does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.workplans.enums import Line, Stage
from qingshan.workplans.models import MonthlyPlan, PlanItem, WeeklyStatus, WorkSettings
from qingshan.workplans.services import cycle as services
from qingshan.workplans.tests.factories import at, plan_with_items
from qingshan.workplans.tests.support import CHINESE, messages_of
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


def filed(plan: MonthlyPlan) -> MonthlyPlan:
    return services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 3, 2)))


def closed(plan: MonthlyPlan) -> MonthlyPlan:
    filed(plan)
    return services.file_summary(plan=plan, by=None, text="好", at=at(dt.date(2013, 3, 31)))


# --- the month board --------------------------------------------------------------------------


def test_a_teacher_reads_the_board_of_every_unit_but_files_for_none(
    school: Any, client_for: Any
) -> None:
    department = DepartmentFactory(school=school, name="教务处")

    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:month"), {"month": "2013-03"}
    )

    labels = [row.label for row in response.context["board"]]
    assert (response.status_code, response.context["month"]) == (200, dt.date(2013, 3, 1))
    assert labels == ["party branch", department.name]
    assert response.context["can_file"] is False


def test_a_malformed_month_shows_this_month(school: Any, client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:month"), {"month": "2013-13"}
    )

    assert response.context["month"] == timezone.localdate().replace(day=1)


def test_the_head_is_offered_their_own_department_only(
    school: Any, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, department = department_head
    DepartmentFactory(school=school)

    response = signed_in(user).get(reverse("workplans:month"))

    assert list(response.context["open_form"].fields["unit"].choices) == [
        (str(department.pk), department.name)
    ]


@pytest.mark.parametrize(("role", "status"), [(Role.STUDENT, 403), (None, 302)])
def test_students_and_strangers_cannot_read_the_board(
    school: Any, client_for: Any, role: Any, status: int
) -> None:
    response = client_for(role, school).get(reverse("workplans:month"))

    assert response.status_code == status
    if role is None:
        assert response.url.startswith(reverse("accounts:login"))


# --- opening a plan ---------------------------------------------------------------------------


def test_the_administrator_opens_the_branchs_plan(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:plan_open"), {"unit": "branch", "month": "2013-03"}
    )

    plan = MonthlyPlan.objects.get()
    assert response.url == plan.get_absolute_url()
    assert (plan.school, plan.department, plan.month) == (school, None, dt.date(2013, 3, 1))


def test_opening_a_plan_twice_leads_to_the_same_plan(school: Any, client_for: Any) -> None:
    client = client_for(Role.SECRETARY, school)

    first = client.post(reverse("workplans:plan_open"), {"unit": "branch", "month": "2013-03"})
    again = client.post(reverse("workplans:plan_open"), {"unit": "branch", "month": "2013-03"})

    assert (first.url, MonthlyPlan.objects.count()) == (again.url, 1)


def test_the_secretary_cannot_open_a_departments_plan(school: Any, client_for: Any) -> None:
    department = DepartmentFactory(school=school)

    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:plan_open"),
        {"unit": department.pk, "month": "2013-03"},
        headers=CHINESE,
    )

    assert (response.url, messages_of(response)) == (
        reverse("workplans:month"),
        ["请选择您负责的单位和月份。"],
    )
    assert MonthlyPlan.objects.count() == 0


def test_a_month_not_given_as_year_and_month_opens_nothing(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:plan_open"), {"unit": "branch", "month": "March"}
    )

    assert messages_of(response) == ["Choose one of your units and a month."]
    assert MonthlyPlan.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"), [(Role.TEACHER, 403), (Role.AUTHORITY_VIEWER, 403), (None, 302)]
)
def test_those_who_do_not_file_cannot_open_a_plan(
    school: Any, client_for: Any, role: Any, status: int
) -> None:
    response = client_for(role, school).post(
        reverse("workplans:plan_open"), {"unit": "branch", "month": "2013-03"}
    )

    assert (response.status_code, MonthlyPlan.objects.count()) == (status, 0)


# --- a plan's page ----------------------------------------------------------------------------


def test_a_teacher_reads_a_plan_without_the_forms_to_change_it(
    school: Any, client_for: Any
) -> None:
    plan = plan_with_items(school, party=2, teaching=1)

    response = client_for(Role.TEACHER, school).get(plan.get_absolute_url())

    counts = [len(items) for _line, items, _progress in response.context["columns"]]
    assert (response.status_code, counts) == (200, [2, 1])
    assert (response.context["may_file"], response.context["item_form"]) == (False, None)


def test_the_head_gets_the_item_form_on_their_departments_plan(
    school: Any, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, department = department_head
    plan = filed(plan_with_items(school, department=department))

    response = signed_in(user).get(plan.get_absolute_url())

    assert response.context["may_file"] is True
    assert response.context["item_form"] is not None
    assert response.context["summary_form"] is not None


def test_a_closed_month_offers_no_item_form(school: Any, client_for: Any) -> None:
    plan = closed(plan_with_items(school))

    response = client_for(Role.SCHOOL_ADMIN, school).get(plan.get_absolute_url())

    assert (response.context["may_file"], response.context["item_form"]) == (True, None)


def test_another_schools_plan_is_not_found(school: Any, other_school: Any, client_for: Any) -> None:
    plan = plan_with_items(other_school)

    response = client_for(Role.SCHOOL_ADMIN, school).get(plan.get_absolute_url())

    assert response.status_code == 404


def test_a_student_cannot_read_a_plan(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)

    assert client_for(Role.STUDENT, school).get(plan.get_absolute_url()).status_code == 403


# --- items ------------------------------------------------------------------------------------


def test_the_head_adds_an_arranged_item(
    school: Any, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, department = department_head
    plan = plan_with_items(school, department=department, party=0, teaching=0)
    owner = StaffFactory(school=school)

    response = signed_in(user).post(
        reverse("workplans:item_add", args=[plan.pk]),
        {"line": Line.TEACHING, "title": "听课", "owner": owner.pk, "due_on": "2013-03-20"},
    )

    item = plan.items.get()
    assert response.url == plan.get_absolute_url()
    assert (item.title, item.owner, item.due_on, item.stage) == (
        "听课",
        owner,
        dt.date(2013, 3, 20),
        Stage.ARRANGED,
    )


def test_an_item_without_a_title_is_refused_field_by_field(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_add", args=[plan.pk]), {"line": Line.PARTY, "title": ""}
    )

    assert (response.status_code, list(response.context["form"].errors)) == (400, ["title"])
    assert plan.items.count() == 2


def test_an_item_due_before_its_month_shows_the_translated_error(
    school: Any, client_for: Any
) -> None:
    plan = plan_with_items(school)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_add", args=[plan.pk]),
        {"line": Line.PARTY, "title": "党课", "due_on": "2013-02-28"},
        headers=CHINESE,
    )

    assert response.status_code == 400
    assert response.context["form"].errors["due_on"] == ["日期不能早于计划所在月份。"]
    assert "日期不能早于计划所在月份。" in response.content.decode()
    assert plan.items.count() == 2


def test_no_item_is_added_once_the_summary_is_filed(school: Any, client_for: Any) -> None:
    plan = closed(plan_with_items(school))

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_add", args=[plan.pk]), {"line": Line.PARTY, "title": "迟到"}
    )

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "The month's summary is filed; its items can no longer change."
    ]
    assert plan.items.count() == 2


def test_the_secretary_cannot_add_to_a_departments_plan(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school, department=DepartmentFactory(school=school))

    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:item_add", args=[plan.pk]), {"line": Line.PARTY, "title": "x"}
    )

    assert (response.status_code, plan.items.count()) == (403, 2)


def test_the_head_edits_an_item_and_writes_its_outcome(
    school: Any, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, department = department_head
    item = plan_with_items(school, department=department).items.get(line=Line.PARTY)
    client = signed_in(user)

    page = client.get(reverse("workplans:item_edit", args=[item.pk]))
    response = client.post(
        reverse("workplans:item_edit", args=[item.pk]),
        {"line": Line.PARTY, "title": "主题党日", "outcome": "30人参加"},
    )

    item.refresh_from_db()
    assert (page.status_code, response.url) == (200, item.plan.get_absolute_url())
    assert (item.title, item.outcome) == ("主题党日", "30人参加")


def test_an_item_serving_one_of_its_own_line_is_refused(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school, party=2, teaching=0)
    first, second = plan.items.all()

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_edit", args=[first.pk]),
        {"line": Line.PARTY, "title": first.title, "serves": second.pk},
    )

    first.refresh_from_db()
    assert response.status_code == 400
    assert response.context["form"].errors["serves"] == [
        "An item serves an item of the other line."
    ]
    assert first.serves_id is None


def test_a_teacher_cannot_open_an_items_form(school: Any, client_for: Any) -> None:
    item = plan_with_items(school).items.first()

    assert (
        client_for(Role.TEACHER, school).get(reverse("workplans:item_edit", args=[item.pk]))
    ).status_code == 403


def test_the_administrator_marks_an_item_implemented(school: Any, client_for: Any) -> None:
    item = plan_with_items(school).items.first()
    client = client_for(Role.SCHOOL_ADMIN, school)

    page = client.get(reverse("workplans:item_done", args=[item.pk]))
    response = client.post(
        reverse("workplans:item_done", args=[item.pk]),
        {"done_on": "2013-03-09", "evidence": " 签到表 ", "outcome": "完成"},
    )

    item.refresh_from_db()
    assert page.context["form"].initial["done_on"] == timezone.localdate()
    assert response.status_code == 302
    assert (item.done_on, item.evidence, item.outcome) == (dt.date(2013, 3, 9), "签到表", "完成")


def test_an_item_implemented_in_the_future_is_refused(school: Any, client_for: Any) -> None:
    item = plan_with_items(school).items.first()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_done", args=[item.pk]),
        {"done_on": tomorrow.isoformat(), "evidence": "x"},
    )

    item.refresh_from_db()
    assert response.status_code == 400
    assert response.context["form"].errors["done_on"] == ["The date lies in the future."]
    assert item.done_on is None


def test_the_head_of_another_department_cannot_mark_an_item_done(
    school: Any, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head
    item = plan_with_items(school, department=DepartmentFactory(school=school)).items.first()

    response = signed_in(user).post(
        reverse("workplans:item_done", args=[item.pk]), {"done_on": "2013-03-09", "evidence": "x"}
    )

    item.refresh_from_db()
    assert (response.status_code, item.done_on) == (403, None)


def test_an_implemented_item_is_reopened(school: Any, client_for: Any) -> None:
    item = plan_with_items(school).items.first()
    services.mark_item_done(item=item, done_on=dt.date(2013, 3, 9), evidence="x")

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_reopen", args=[item.pk])
    )

    item.refresh_from_db()
    assert response.url == item.plan.get_absolute_url()
    assert (item.done_on, item.evidence, item.stage) == (None, "", Stage.PLANNED)


def test_an_item_of_a_closed_month_stays_implemented(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)
    item = plan.items.first()
    services.mark_item_done(item=item, done_on=dt.date(2013, 3, 9), evidence="x")
    closed(plan)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_reopen", args=[item.pk])
    )

    item.refresh_from_db()
    assert messages_of(response) == [
        "The month's summary is filed; its items can no longer change."
    ]
    assert item.done_on == dt.date(2013, 3, 9)


def test_a_teacher_cannot_reopen_an_item(school: Any, client_for: Any) -> None:
    item = plan_with_items(school).items.first()
    services.mark_item_done(item=item, done_on=dt.date(2013, 3, 9), evidence="x")

    response = client_for(Role.TEACHER, school).post(
        reverse("workplans:item_reopen", args=[item.pk])
    )

    item.refresh_from_db()
    assert (response.status_code, item.done_on) == (403, dt.date(2013, 3, 9))


def test_an_item_of_a_draft_plan_is_removed_for_good(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)
    item = plan.items.first()

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_remove", args=[item.pk])
    )

    assert response.url == plan.get_absolute_url()
    assert not PlanItem.objects.filter(pk=item.pk).exists()


def test_an_item_another_serves_is_kept(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)
    party, teaching = plan.items.get(line=Line.PARTY), plan.items.get(line=Line.TEACHING)
    services.update_item(item=teaching, values={"serves": party})

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:item_remove", args=[party.pk]), headers=CHINESE
    )

    assert messages_of(response) == ["另有事项服务于本事项，请先解除关联。"]
    assert PlanItem.objects.filter(pk=party.pk).exists()


def test_a_teacher_cannot_remove_an_item(school: Any, client_for: Any) -> None:
    item = plan_with_items(school).items.first()

    response = client_for(Role.TEACHER, school).post(
        reverse("workplans:item_remove", args=[item.pk])
    )

    assert (response.status_code, PlanItem.objects.filter(pk=item.pk).exists()) == (403, True)


# --- filing the plan and the summary ----------------------------------------------------------


def test_the_administrator_files_the_branchs_plan(
    school: Any, user_with_role: Any, signed_in: Any
) -> None:
    admin = user_with_role(Role.SCHOOL_ADMIN, school)
    plan = plan_with_items(school)

    response = signed_in(admin).post(reverse("workplans:plan_file", args=[plan.pk]))

    plan.refresh_from_db()
    assert (response.url, messages_of(response)) == (
        plan.get_absolute_url(),
        ["The plan is filed."],
    )
    assert (plan.is_plan_filed, plan.plan_filed_by) == (True, admin)


def test_an_empty_plan_is_not_filed(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school, party=0, teaching=0)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:plan_file", args=[plan.pk]), headers=CHINESE
    )

    plan.refresh_from_db()
    assert (messages_of(response), plan.plan_filed_at) == (["计划至少要有一个事项。"], None)


def test_a_plan_is_filed_only_once(school: Any, client_for: Any) -> None:
    plan = filed(plan_with_items(school))

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:plan_file", args=[plan.pk])
    )

    plan.refresh_from_db()
    assert messages_of(response) == ["This plan is already filed."]
    assert plan.plan_filed_at == at(dt.date(2013, 3, 2))


def test_the_secretary_cannot_file_a_departments_plan(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school, department=DepartmentFactory(school=school))

    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:plan_file", args=[plan.pk])
    )

    plan.refresh_from_db()
    assert (response.status_code, plan.plan_filed_at) == (403, None)


def test_the_secretary_files_the_branchs_summary(school: Any, client_for: Any) -> None:
    plan = filed(plan_with_items(school))

    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:summary_file", args=[plan.pk]), {"text": "  两条线同步推进  "}
    )

    plan.refresh_from_db()
    assert response.url == plan.get_absolute_url()
    assert (plan.is_summary_filed, plan.summary_text) == (True, "两条线同步推进")


def test_a_summary_before_the_plan_is_refused(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)

    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:summary_file", args=[plan.pk]), {"text": "总结"}
    )

    plan.refresh_from_db()
    assert messages_of(response) == ["File the plan before its summary."]
    assert (plan.summary_filed_at, plan.summary_text) == (None, "")


def test_a_teacher_cannot_file_a_summary(school: Any, client_for: Any) -> None:
    plan = filed(plan_with_items(school))

    response = client_for(Role.TEACHER, school).post(
        reverse("workplans:summary_file", args=[plan.pk]), {"text": "总结"}
    )

    plan.refresh_from_db()
    assert (response.status_code, plan.summary_filed_at) == (403, None)


def test_a_student_cannot_download_a_summary(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)

    response = client_for(Role.STUDENT, school).get(
        reverse("workplans:summary_export", args=[plan.pk])
    )

    assert response.status_code == 403


def test_the_county_downloads_a_schools_summary(school: Any, client_for: Any) -> None:
    plan = plan_with_items(school)

    response = client_for(Role.AUTHORITY_VIEWER, school).get(
        reverse("workplans:summary_export", args=[plan.pk])
    )

    assert (response.status_code, response.content[:2]) == (200, b"PK")
    assert f"summary-2013-03-{plan.pk}.docx" in response["Content-Disposition"]


# --- weekly statuses --------------------------------------------------------------------------


def test_the_weekly_page_lists_the_weeks_of_the_month_asked(school: Any, client_for: Any) -> None:
    for monday in (dt.date(2013, 2, 18), dt.date(2013, 2, 25), dt.date(2013, 3, 25)):
        services.file_weekly_status(
            school=school, department=None, week_start=monday, text=f"{monday}", by=None
        )
    services.file_weekly_status(
        school=school, department=None, week_start=dt.date(2013, 4, 1), text="April", by=None
    )

    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:weekly"), {"month": "2013-03"}
    )

    weeks = [status.week_start for status, _state in response.context["rows"]]
    assert weeks == [dt.date(2013, 3, 25), dt.date(2013, 2, 25)]
    assert response.context["form"] is None


def test_the_secretary_files_the_branchs_weekly_status(school: Any, client_for: Any) -> None:
    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())

    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:weekly"),
        {"unit": "branch", "week_start": monday.isoformat(), "text": "平稳"},
    )

    status = WeeklyStatus.objects.get()
    assert response.url == reverse("workplans:weekly")
    assert (status.department, status.week_start, status.text) == (None, monday, "平稳")


def test_a_week_not_named_by_its_monday_shows_the_translated_error(
    school: Any, client_for: Any
) -> None:
    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:weekly"),
        {"unit": "branch", "week_start": "2013-03-05", "text": "平稳"},
        headers=CHINESE,
    )

    assert response.status_code == 400
    assert response.context["form"].errors["week_start"] == ["周以星期一表示。"]
    assert WeeklyStatus.objects.count() == 0


def test_a_weekly_status_without_text_is_refused(school: Any, client_for: Any) -> None:
    response = client_for(Role.SECRETARY, school).post(
        reverse("workplans:weekly"), {"unit": "branch", "week_start": "2013-03-04", "text": ""}
    )

    assert (response.status_code, list(response.context["form"].errors)) == (400, ["text"])
    assert WeeklyStatus.objects.count() == 0


@pytest.mark.parametrize("role", [Role.TEACHER, Role.AUTHORITY_VIEWER])
def test_those_who_do_not_file_cannot_post_a_weekly_status(
    school: Any, client_for: Any, role: str
) -> None:
    client = client_for(role, school)

    page = client.get(reverse("workplans:weekly"))
    response = client.post(
        reverse("workplans:weekly"), {"unit": "branch", "week_start": "2013-03-04", "text": "x"}
    )

    assert (page.status_code, response.status_code) == (200, 403)
    assert WeeklyStatus.objects.count() == 0


# --- settings ---------------------------------------------------------------------------------

SETTINGS_FORM = {
    "plan_due_day": 5,
    "weekly_due_weekday": 3,
    "min_items_per_line": 2,
    "lag_points": 40,
    "remind_by_email": "",
}


def test_the_administrator_keeps_one_row_of_settings(school: Any, client_for: Any) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)

    page = client.get(reverse("workplans:settings"))
    first = client.post(reverse("workplans:settings"), SETTINGS_FORM)
    second = client.post(reverse("workplans:settings"), {**SETTINGS_FORM, "plan_due_day": 7})

    stored = WorkSettings.objects.get(school=school)
    assert (page.status_code, first.status_code, second.status_code) == (200, 302, 302)
    assert (stored.plan_due_day, stored.lag_points, stored.remind_by_email) == (7, 40, False)


def test_a_due_day_past_the_28th_is_refused(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:settings"), {**SETTINGS_FORM, "plan_due_day": 29}
    )

    assert response.status_code == 400
    assert response.context["form"].errors
    assert WorkSettings.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.DEPARTMENT_HEAD, 403), (Role.SECRETARY, 403), (Role.AUTHORITY_VIEWER, 403)],
)
def test_only_the_administrator_changes_the_settings(
    school: Any, client_for: Any, role: str, status: int
) -> None:
    response = client_for(role, school).post(reverse("workplans:settings"), SETTINGS_FORM)

    assert (response.status_code, WorkSettings.objects.count()) == (status, 0)
