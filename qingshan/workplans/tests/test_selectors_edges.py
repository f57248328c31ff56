"""Reads of the work system at their edges: month and week boundaries, due days, who files for
which unit, the supervision's lists, the current term and the grid's coverage."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.workplans.enums import Line, Tier
from qingshan.workplans.models import (
    DecisionMeeting,
    GridCell,
    Place,
    TimeSlot,
    WorkLine,
    WorkSettings,
)
from qingshan.workplans.selectors import cycle, decisions, grid
from qingshan.workplans.services import cycle as cycle_services
from qingshan.workplans.services import decisions as decision_services
from qingshan.workplans.tests.factories import plan_with_items
from tests.factories import DepartmentFactory, StaffFactory, TermFactory

# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "following", "last_day"),
    [
        (dt.date(2013, 12, 1), dt.date(2014, 1, 1), dt.date(2013, 12, 31)),
        (dt.date(2012, 2, 1), dt.date(2012, 3, 1), dt.date(2012, 2, 29)),
        (dt.date(2013, 2, 1), dt.date(2013, 3, 1), dt.date(2013, 2, 28)),
    ],
)
def test_months_turn_over_years_and_leap_days(
    month: dt.date, following: dt.date, last_day: dt.date
) -> None:
    assert (cycle.next_month(month), cycle.month_end(month)) == (following, last_day)


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (dt.date(2013, 3, 4), dt.date(2013, 3, 4)),
        (dt.date(2013, 3, 10), dt.date(2013, 3, 4)),
        (dt.date(2013, 1, 1), dt.date(2012, 12, 31)),
    ],
)
def test_a_week_begins_on_its_monday(day: dt.date, monday: dt.date) -> None:
    assert cycle.week_start(day) == monday


@pytest.mark.parametrize(
    ("weekday", "first", "last"),
    [
        (0, dt.date(2013, 3, 4), dt.date(2013, 3, 25)),  # due on Mondays: Feb 25 falls in February
        (6, dt.date(2013, 2, 25), dt.date(2013, 3, 25)),  # due on Sundays: Mar 3 and Mar 31
    ],
)
def test_the_weeks_due_in_a_month_follow_the_due_weekday(
    weekday: int, first: dt.date, last: dt.date
) -> None:
    weeks = cycle.weeks_due_in(dt.date(2013, 3, 1), WorkSettings(weekly_due_weekday=weekday))

    assert (weeks[0], weeks[-1]) == (first, last)


def test_line_progress_counts_an_implemented_item_as_arranged_too(db: None, school: Any) -> None:
    plan = plan_with_items(school, party=3, teaching=0)
    first, second, _third = plan.items.all()
    cycle_services.update_item(
        item=first, values={"owner": StaffFactory(school=school), "due_on": dt.date(2013, 3, 9)}
    )
    cycle_services.mark_item_done(item=second, done_on=dt.date(2013, 3, 9), evidence="x")

    progress = cycle.line_progress(list(plan.items.all()))

    assert progress[Line.PARTY.value] == cycle.LineProgress(planned=3, arranged=2, done=1)
    assert progress[Line.TEACHING.value].arranged_share == 0.0


def test_a_school_without_settings_reads_the_defaults(db: None, school: Any) -> None:
    found = cycle.work_settings(school)

    assert (found.pk, found.plan_due_day, found.weekly_due_weekday) == (None, 3, 4)


# --- units and who files for them -------------------------------------------------------------


@pytest.mark.django_db
def test_archived_departments_file_nothing_and_units_keep_their_order(school: Any) -> None:
    second = DepartmentFactory(school=school, name="乙", sort_order=2)
    first = DepartmentFactory(school=school, name="甲", sort_order=1)
    DepartmentFactory(school=school, name="旧", archived_at=timezone.now())

    assert cycle.units(school) == [None, first, second]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "branch", "own", "other"),
    [
        (Role.SCHOOL_ADMIN, True, True, True),
        (Role.SECRETARY, True, False, False),
        (Role.DEPARTMENT_HEAD, False, True, False),
        (Role.TEACHER, False, False, False),
        (Role.AUTHORITY_VIEWER, False, False, False),
    ],
)
def test_who_files_for_which_unit(
    school: Any, user_with_role: Any, role: str, branch: bool, own: bool, other: bool
) -> None:
    user = user_with_role(role, school)
    own_department = DepartmentFactory(school=school, head=StaffFactory(school=school, user=user))
    other_department = DepartmentFactory(school=school, head=StaffFactory(school=school))

    assert [
        cycle.may_file(user, school, unit) for unit in (None, own_department, other_department)
    ] == [branch, own, other]


@pytest.mark.django_db
def test_a_department_without_a_head_is_filed_for_by_the_administrator_only(
    school: Any, user_with_role: Any
) -> None:
    headless = DepartmentFactory(school=school, head=None)
    head = user_with_role(Role.DEPARTMENT_HEAD, school)
    admin = user_with_role(Role.SCHOOL_ADMIN, school)

    assert (cycle.may_file(head, school, headless), cycle.may_file(admin, school, headless)) == (
        False,
        True,
    )


# --- overdue filings --------------------------------------------------------------------------


def overdue_of(school: Any, today: dt.date) -> set[tuple[str, dt.date]]:
    return {(item.filing, item.period) for item in cycle.overdue_filings(school, today)}


@pytest.mark.usefixtures("school_in_session")
@pytest.mark.django_db
def test_the_plan_is_overdue_from_the_day_after_its_due_day(school: Any) -> None:
    on_due_day = overdue_of(school, dt.date(2013, 4, 3))
    day_after = overdue_of(school, dt.date(2013, 4, 4))

    assert ("plan", dt.date(2013, 4, 1)) not in on_due_day
    assert ("plan", dt.date(2013, 4, 1)) in day_after


@pytest.mark.usefixtures("school_in_session")
@pytest.mark.django_db
def test_a_weeks_status_is_overdue_from_the_day_after_its_due_weekday(school: Any) -> None:
    friday, saturday = dt.date(2013, 4, 12), dt.date(2013, 4, 13)

    assert ("weekly", dt.date(2013, 4, 8)) not in overdue_of(school, friday)
    assert ("weekly", dt.date(2013, 4, 8)) in overdue_of(school, saturday)
    assert ("weekly", dt.date(2013, 4, 1)) in overdue_of(school, friday)


@pytest.mark.django_db
def test_filed_plans_summaries_and_statuses_are_not_overdue(school: Any) -> None:
    last_month = plan_with_items(school, month=dt.date(2013, 3, 1))
    cycle_services.file_plan(plan=last_month, by=None)
    cycle_services.file_summary(plan=last_month, by=None, text="x")
    cycle_services.file_plan(plan=plan_with_items(school, month=dt.date(2013, 4, 1)), by=None)
    for monday in (dt.date(2013, 4, 1), dt.date(2013, 4, 8)):
        cycle_services.file_weekly_status(
            school=school, department=None, week_start=monday, text="x", by=None
        )

    assert overdue_of(school, dt.date(2013, 4, 13)) == set()


@pytest.mark.usefixtures("school_in_session")
@pytest.mark.django_db
def test_a_month_without_plans_shows_every_unit_empty_and_unflagged(school: Any) -> None:
    DepartmentFactory(school=school)

    board = cycle.month_board(school, dt.date(2013, 3, 1), dt.date(2013, 3, 2))

    assert [(row.plan, row.flags, row.plan_state) for row in board] == [
        (None, [], "pending"),
        (None, [], "pending"),
    ]


@pytest.mark.django_db
def test_the_board_leaves_out_removed_items(school: Any) -> None:
    plan = plan_with_items(school, party=2, teaching=2)
    cycle_services.file_plan(plan=plan, by=None)
    cycle_services.remove_item(item=plan.items.filter(line=Line.PARTY).first())

    row = cycle.month_board(school, dt.date(2013, 3, 1), dt.date(2013, 3, 2))[0]

    assert row.progress[Line.PARTY.value].planned == 1


# --- supervision ------------------------------------------------------------------------------


@pytest.fixture
def decision(school: Any) -> Any:
    meeting = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 2, 26), title="会"
    )
    return decision_services.record_decision(
        meeting=meeting, title="决定", deadline=dt.date(2013, 6, 30)
    )


@pytest.mark.django_db
def test_a_task_due_today_is_not_yet_overdue(school: Any, decision: Any) -> None:
    task = decision_services.hand_to_department(
        decision=decision,
        department=DepartmentFactory(school=school),
        title="落实",
        deadline=dt.date(2013, 5, 1),
    )

    due_day = list(decisions.overdue_tasks(school, dt.date(2013, 5, 1)))
    day_after = list(decisions.overdue_tasks(school, dt.date(2013, 5, 2)))

    assert (due_day, day_after) == ([], [task])
    assert task.is_overdue(dt.date(2013, 5, 1)) is False


@pytest.mark.django_db
def test_the_decisions_count_their_tasks_and_the_closed_ones(school: Any, decision: Any) -> None:
    department = DepartmentFactory(school=school)
    for title in ("一", "二"):
        decision_services.hand_to_department(
            decision=decision, department=department, title=title, deadline=dt.date(2013, 6, 1)
        )
    decision_services.explain_task(task=decision.tasks.first(), explanation="取消")

    found = decisions.decisions(school).get()

    assert (found.task_count, found.closed_count) == (2, 1)


@pytest.mark.django_db
def test_a_users_tasks_are_the_open_ones_they_own_or_their_department_carries(
    school: Any, decision: Any, user_with_role: Any
) -> None:
    user = user_with_role(Role.DEPARTMENT_HEAD, school)
    staff = StaffFactory(school=school, user=user)
    department = DepartmentFactory(school=school, head=staff)
    other = DepartmentFactory(school=school)
    carried = decision_services.hand_to_department(
        decision=decision, department=department, title="本部门", deadline=dt.date(2013, 6, 1)
    )
    elsewhere = decision_services.hand_to_department(
        decision=decision, department=other, title="别部门", deadline=dt.date(2013, 6, 1)
    )
    owned = decision_services.hand_down(
        parent=elsewhere,
        title="本人",
        deadline=dt.date(2013, 5, 1),
        owner=staff,
    )
    done = decision_services.hand_to_department(
        decision=decision, department=department, title="已完成", deadline=dt.date(2013, 6, 1)
    )
    decision_services.complete_task(task=done, done_on=dt.date(2013, 5, 1), evidence="x")

    assert list(decisions.tasks_for_user(school, user)) == [owned, carried]
    assert owned.tier == Tier.EXECUTION


# --- terms and the grid -----------------------------------------------------------------------


@pytest.mark.django_db
def test_changes_name_cells_added_and_removed(school: Any) -> None:
    before, after = TermFactory(school=school), TermFactory(school=school)
    line = WorkLine.objects.create(school=school, name="安全")
    place = Place.objects.create(school=school, name="楼", kind="building")
    person = StaffFactory(school=school, name="甲")
    for term, hour in ((before, 7), (after, 9)):
        slot = TimeSlot.objects.create(
            school=school, term=term, weekday=0, starts_at=dt.time(hour), ends_at=dt.time(hour + 1)
        )
        GridCell.objects.create(
            school=school, term=term, line=line, place=place, slot=slot, person=person
        )

    changes = grid.term_changes(after, before)

    assert [(change.before, change.after) for change in changes] == [
        ("甲", "(no cell)"),
        ("(no cell)", "甲"),
    ]


@pytest.mark.django_db
def test_the_table_shows_one_line_or_one_place(school: Any) -> None:
    term = TermFactory(school=school)
    safety, canteen = (WorkLine.objects.create(school=school, name=n) for n in ("安全", "食堂"))
    building, farm = (
        Place.objects.create(school=school, name=n, kind="other") for n in ("楼", "农场")
    )
    slot = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    for line, place in ((safety, building), (canteen, farm)):
        GridCell.objects.create(school=school, term=term, line=line, place=place, slot=slot)

    by_line = grid.grid_table(school, term, line=canteen.pk)
    by_place = grid.grid_table(school, term, place=building.pk)

    assert [(row[0], row[1]) for row in by_line.rows] == [(canteen, farm)]
    assert [(row[0], row[1]) for row in by_place.rows] == [(safety, building)]


@pytest.mark.django_db
def test_the_coverage_of_many_terms_agrees_with_each_terms_check(
    school: Any, other_school: Any
) -> None:
    terms = []
    for owner in (school, other_school):
        term = TermFactory(school=owner)
        every = WorkLine.objects.create(school=owner, name="巡查", covers_every_place=True)
        some = WorkLine.objects.create(school=owner, name="食堂")
        WorkLine.objects.create(school=owner, name="旧线", archived_at=timezone.now())
        places = [
            Place.objects.create(school=owner, name=n, kind="building") for n in ("甲", "乙", "丙")
        ]
        slots = [
            TimeSlot.objects.create(
                school=owner, term=term, weekday=day, starts_at=dt.time(7), ends_at=dt.time(8)
            )
            for day in (0, 1)
        ]
        slots[1].lines.set([some])
        GridCell.objects.create(
            school=owner,
            term=term,
            line=every,
            place=places[0],
            slot=slots[0],
            person=StaffFactory(school=owner),
        )
        GridCell.objects.create(school=owner, term=term, line=some, place=places[1], slot=slots[1])
        terms.append(term)

    found = grid.coverage(terms)

    checks = [grid.check_grid(term) for term in terms]
    assert found == {
        term.pk: (c.required, c.covered) for term, c in zip(terms, checks, strict=True)
    }
    assert found[terms[0].pk] == (5, 1)


@pytest.mark.django_db
def test_the_posts_of_an_archived_line_are_neither_checked_nor_covered(school: Any) -> None:
    term = TermFactory(school=school)
    retired = WorkLine.objects.create(school=school, name="旧线", archived_at=timezone.now())
    place = Place.objects.create(school=school, name="楼", kind="building")
    slot = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    GridCell.objects.create(school=school, term=term, line=retired, place=place, slot=slot)

    check = grid.check_grid(term)

    assert (check.gaps, check.required, check.coverage) == ([], 0, 0.0)
    assert grid.coverage([term]) == {term.pk: (0, 0)}
