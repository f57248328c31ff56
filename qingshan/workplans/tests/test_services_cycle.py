"""Every refusal and transition of the work cycle's services; a refusal changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qingshan.workplans.enums import Line, Stage
from qingshan.workplans.models import MonthlyPlan, PlanItem, WeeklyStatus, WorkSettings
from qingshan.workplans.services import cycle as services
from qingshan.workplans.tests.factories import at, plan_with_items
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

MARCH = dt.date(2013, 3, 1)


def codes(error: pytest.ExceptionInfo[ValidationError]) -> list[str | None]:
    """The codes of a raised refusal that names no field."""
    return [item.code for item in error.value.error_list]


def closed(plan: MonthlyPlan) -> MonthlyPlan:
    services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 3, 2)))
    return services.file_summary(plan=plan, by=None, text="", at=at(dt.date(2013, 3, 31)))


# --- settings ---------------------------------------------------------------------------------


def test_settings_are_created_once_then_updated(school: Any) -> None:
    first = services.save_work_settings(school=school, values={"plan_due_day": 5})
    second = services.save_work_settings(school=school, values={"lag_points": 50})

    assert first.pk == second.pk
    assert (second.plan_due_day, second.lag_points) == (5, 50)
    assert WorkSettings.objects.count() == 1


def test_settings_outside_their_bounds_are_refused(school: Any) -> None:
    with pytest.raises(ValidationError):
        services.save_work_settings(school=school, values={"weekly_due_weekday": 7})

    assert WorkSettings.objects.count() == 0


# --- items ------------------------------------------------------------------------------------


def test_an_item_of_no_known_line_is_refused(school: Any) -> None:
    plan = plan_with_items(school, party=0, teaching=0)

    with pytest.raises(ValidationError) as error:
        services.add_item(plan=plan, line="sports", title="运动会")

    assert "line" in error.value.message_dict
    assert plan.items.count() == 0


def test_items_are_put_last_unless_given_a_place(school: Any) -> None:
    plan = plan_with_items(school, party=2, teaching=0)

    appended = services.add_item(plan=plan, line=Line.TEACHING, title="教研")
    placed = services.add_item(plan=plan, line=Line.TEACHING, title="听课", sort_order=0)

    assert (appended.sort_order, placed.sort_order) == (3, 0)


@pytest.mark.parametrize(("due_on", "refused"), [(dt.date(2013, 2, 28), True), (MARCH, False)])
def test_an_item_is_due_on_or_after_the_first_of_its_month(
    school: Any, due_on: dt.date, refused: bool
) -> None:
    plan = plan_with_items(school, party=0, teaching=0)

    if refused:
        with pytest.raises(ValidationError) as error:
            services.add_item(plan=plan, line=Line.PARTY, title="党课", due_on=due_on)
        assert error.value.message_dict == {
            "due_on": ["The date cannot be before the plan's month."]
        }
    else:
        services.add_item(plan=plan, line=Line.PARTY, title="党课", due_on=due_on)

    assert plan.items.count() == (0 if refused else 1)


def test_only_the_fields_of_an_item_the_filer_keeps_are_changed(school: Any) -> None:
    item = plan_with_items(school).items.first()

    with pytest.raises(ValidationError):
        services.update_item(item=item, values={"title": "改", "evidence": "偷偷写的证据"})

    item.refresh_from_db()
    assert (item.title, item.evidence) == ("party 0", "")


def test_an_item_cannot_serve_itself(school: Any) -> None:
    item = plan_with_items(school).items.get(line=Line.PARTY)

    with pytest.raises(ValidationError) as error:
        services.update_item(item=item, values={"serves": item})

    assert error.value.message_dict == {"serves": ["An item cannot serve itself."]}


def test_an_item_serves_only_the_other_line(school: Any) -> None:
    plan = plan_with_items(school, party=2, teaching=0)
    first, second = plan.items.all()

    with pytest.raises(ValidationError) as error:
        services.add_item(plan=plan, line=Line.PARTY, title="x", serves=first)

    assert error.value.message_dict == {"serves": ["An item serves an item of the other line."]}
    assert plan.items.count() == 2
    assert second.serves_id is None


def test_an_item_serves_an_item_of_another_units_plan_in_the_same_month(school: Any) -> None:
    branch = plan_with_items(school, party=1, teaching=0)
    department = plan_with_items(
        school, department=DepartmentFactory(school=school), party=0, teaching=0
    )

    item = services.add_item(
        plan=department, line=Line.TEACHING, title="配合", serves=branch.items.get()
    )

    assert item.serves.plan == branch


def test_an_item_of_a_closed_month_cannot_change(school: Any) -> None:
    plan = plan_with_items(school)
    item = plan.items.first()
    closed(plan)

    with pytest.raises(ValidationError) as error:
        services.update_item(item=item, values={"title": "改"})

    assert codes(error) == ["closed"]


def test_implementing_an_item_keeps_trimmed_evidence_and_outcome(school: Any) -> None:
    item = plan_with_items(school).items.first()

    done = services.mark_item_done(
        item=item, done_on=MARCH, evidence="  签到表 ", outcome=" 完成  "
    )

    assert (done.stage, done.evidence, done.outcome) == (Stage.DONE, "签到表", "完成")


def test_an_item_implemented_after_today_is_refused(school: Any) -> None:
    item = plan_with_items(school).items.first()

    with pytest.raises(ValidationError) as error:
        services.mark_item_done(
            item=item, done_on=timezone.localdate() + dt.timedelta(days=1), evidence="x"
        )

    item.refresh_from_db()
    assert error.value.message_dict == {"done_on": ["The date lies in the future."]}
    assert item.done_on is None


def test_implemented_today_is_accepted(school: Any) -> None:
    item = plan_with_items(school).items.first()

    done = services.mark_item_done(item=item, done_on=timezone.localdate(), evidence="x")

    assert done.done_on == timezone.localdate()


def test_an_item_of_a_closed_month_is_not_implemented_later(school: Any) -> None:
    plan = plan_with_items(school)
    item = plan.items.first()
    closed(plan)

    with pytest.raises(ValidationError):
        services.mark_item_done(item=item, done_on=dt.date(2013, 3, 20), evidence="x")

    item.refresh_from_db()
    assert item.done_on is None


def test_reopening_clears_the_date_and_the_evidence(school: Any) -> None:
    item = plan_with_items(school).items.first()
    services.mark_item_done(item=item, done_on=MARCH, evidence="x", outcome="好")

    reopened = services.reopen_item(item=item)

    assert (reopened.stage, reopened.evidence, reopened.outcome) == (Stage.PLANNED, "", "好")


def test_an_item_of_a_closed_month_is_not_reopened(school: Any) -> None:
    plan = plan_with_items(school)
    item = plan.items.first()
    services.mark_item_done(item=item, done_on=MARCH, evidence="x")
    closed(plan)

    with pytest.raises(ValidationError):
        services.reopen_item(item=item)

    item.refresh_from_db()
    assert item.done_on == MARCH


# --- removing items ---------------------------------------------------------------------------


def test_an_item_of_a_draft_is_deleted(school: Any) -> None:
    plan = plan_with_items(school)
    item = plan.items.first()

    services.remove_item(item=item)

    assert not PlanItem.objects.filter(pk=item.pk).exists()


def test_an_item_another_serves_is_not_removed(school: Any) -> None:
    plan = plan_with_items(school)
    party, teaching = plan.items.get(line=Line.PARTY), plan.items.get(line=Line.TEACHING)
    services.update_item(item=teaching, values={"serves": party})

    with pytest.raises(ValidationError) as error:
        services.remove_item(item=party)

    assert codes(error) == ["item_is_served"]
    assert PlanItem.objects.filter(pk=party.pk).exists()


def test_an_item_whose_server_was_removed_can_be_removed(school: Any) -> None:
    plan = plan_with_items(school)
    party, teaching = plan.items.get(line=Line.PARTY), plan.items.get(line=Line.TEACHING)
    services.update_item(item=teaching, values={"serves": party})
    services.file_plan(plan=plan, by=None)
    services.remove_item(item=teaching)  # archived: the plan is filed

    services.remove_item(item=party)

    party.refresh_from_db()
    assert party.archived_at is not None


def test_no_item_is_removed_once_the_month_is_closed(school: Any) -> None:
    plan = plan_with_items(school)
    item = plan.items.first()
    closed(plan)

    with pytest.raises(ValidationError):
        services.remove_item(item=item)

    item.refresh_from_db()
    assert item.archived_at is None


# --- filing -----------------------------------------------------------------------------------


def test_filing_records_who_and_when(school: Any, user_with_role: Any) -> None:
    user = user_with_role("secretary", school)
    plan = plan_with_items(school)

    filed = services.file_plan(plan=plan, by=user, at=at(dt.date(2013, 3, 2)))

    assert (filed.plan_filed_at, filed.plan_filed_by) == (at(dt.date(2013, 3, 2)), user)


def test_a_plan_is_not_filed_twice(school: Any) -> None:
    plan = plan_with_items(school)
    services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 3, 2)))

    with pytest.raises(ValidationError) as error:
        services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 3, 3)))

    plan.refresh_from_db()
    assert (codes(error), plan.plan_filed_at) == (["already_filed"], at(dt.date(2013, 3, 2)))


def test_a_plan_whose_items_are_all_archived_is_empty(school: Any) -> None:
    plan = plan_with_items(school)
    plan.items.update(archived_at=timezone.now())

    with pytest.raises(ValidationError) as error:
        services.file_plan(plan=plan, by=None)

    assert codes(error) == ["empty_plan"]


@pytest.mark.parametrize(
    ("day", "refused"), [(dt.date(2013, 2, 28), True), (dt.date(2013, 3, 1), False)]
)
def test_a_summary_is_filed_from_the_first_day_of_its_month(
    school: Any, day: dt.date, refused: bool
) -> None:
    plan = plan_with_items(school)
    services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 2, 27)))

    if refused:
        with pytest.raises(ValidationError) as error:
            services.file_summary(plan=plan, by=None, text="早", at=at(day, 9))
        assert codes(error) == ["early"]
    else:
        services.file_summary(plan=plan, by=None, text="早", at=at(day, 9))

    plan.refresh_from_db()
    assert plan.is_summary_filed is not refused


def test_a_summary_before_its_plan_is_refused(school: Any) -> None:
    plan = plan_with_items(school)

    with pytest.raises(ValidationError) as error:
        services.file_summary(plan=plan, by=None, text="x", at=at(dt.date(2013, 3, 31)))

    assert codes(error) == ["plan_not_filed"]


# --- weekly statuses --------------------------------------------------------------------------


def weekly(school: Any, **overrides: Any) -> WeeklyStatus:
    values = {
        "school": school,
        "department": None,
        "week_start": dt.date(2013, 3, 4),
        "text": "平稳",
        "by": None,
        "at": at(dt.date(2013, 3, 8)),
    }
    return services.file_weekly_status(**(values | overrides))


def test_a_weekly_status_without_text_is_refused(school: Any) -> None:
    with pytest.raises(ValidationError) as error:
        weekly(school, text="   ")

    assert error.value.message_dict == {"text": ["Write the status of the week."]}
    assert WeeklyStatus.objects.count() == 0


@pytest.mark.parametrize(
    ("day", "refused"), [(dt.date(2013, 3, 3), True), (dt.date(2013, 3, 4), False)]
)
def test_a_weeks_status_is_filed_from_its_monday(school: Any, day: dt.date, refused: bool) -> None:
    if refused:
        with pytest.raises(ValidationError) as error:
            weekly(school, at=at(day))
        assert codes(error) == ["early"]
    else:
        weekly(school, at=at(day))

    assert WeeklyStatus.objects.count() == (0 if refused else 1)


def test_the_branch_and_a_department_each_file_for_the_same_week(school: Any) -> None:
    department = DepartmentFactory(school=school)

    weekly(school)
    weekly(school, department=department)

    assert sorted(
        str(status.department_id) for status in WeeklyStatus.objects.filter(school=school)
    ) == sorted([str(department.pk), "None"])


def test_a_weekly_status_of_another_schools_department_is_refused(
    school: Any, other_school: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        weekly(school, department=DepartmentFactory(school=other_school))

    assert (codes(error), WeeklyStatus.objects.count()) == (["other_school"], 0)


def test_a_weekly_status_is_corrected_but_never_emptied(school: Any) -> None:
    status = weekly(school)

    corrected = services.correct_weekly_status(status=status, text="  更正后的情况 ")
    with pytest.raises(ValidationError):
        services.correct_weekly_status(status=status, text=" ")

    status.refresh_from_db()
    assert (corrected.text, status.text) == ("更正后的情况", "更正后的情况")
