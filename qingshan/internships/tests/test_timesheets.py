"""Timesheets: the arithmetic of a logged day, the working-time finding the days open, the unit
supervisor's one-time link, and what a confirmed week refuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qingshan.internships.models import Day, Placement, Week
from qingshan.internships.rulesets import RULES_2021
from qingshan.internships.services.timesheets import (
    confirm_week,
    hand_in_week,
    issue_link,
    link_refusal,
    log_day,
    review_journal,
    week_for_key,
    week_of,
    worked,
)
from qingshan.internships.tests.factories import END, Site, error_codes, open_rules, site
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2024, 3, 4)
SATURDAY = dt.date(2024, 3, 9)
TODAY = dt.date(2024, 12, 31)  # after the placement


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _worked(start: str, end: str, rest: int = 0, day: dt.date = MONDAY) -> Any:
    return worked(day, t(start), t(end), rest, RULES_2021)


@pytest.fixture
def place(school: Any) -> Site:
    return site(school)


@pytest.fixture
def placement(place: Site) -> Placement:
    return place.place()


def _log(placement: Placement, day: dt.date, start: str, end: str, rest: int = 0) -> Day:
    values = {"day": day, "starts_at": t(start), "ends_at": t(end), "break_minutes": rest}
    return log_day(placement=placement, values=values, today=TODAY)


def _confirm(week: Week, key_hash: str) -> Week:
    return confirm_week(
        week_id=week.pk,
        key_hash=key_hash,
        confirmed_by="王师傅",
        ratings={"attendance": 5, "skill": 4},
        comment="认真",
    )


# --- the arithmetic of a day ----------------------------------------------------------------


def test_a_shift_across_midnight_counts_to_the_next_morning_and_is_night_work() -> None:
    done = _worked("22:00", "06:00", 60)
    assert (done.minutes, done.night, done.overtime, done.rest_day) == (420, True, False, False)


def test_a_day_ending_at_22_00_is_not_night_work_and_one_ending_at_22_01_is() -> None:
    assert _worked("14:00", "22:00").night is False
    assert _worked("14:01", "22:01").night is True


def test_a_day_starting_at_06_00_is_not_night_work_and_one_starting_at_05_59_is() -> None:
    assert _worked("06:00", "14:00").night is False
    assert _worked("05:59", "13:59").night is True


def test_a_day_that_ends_when_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        _worked("08:00", "08:00")
    assert error_codes(caught.value) == {"same_time"}


def test_a_break_as_long_as_the_day_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        _worked("08:00", "12:00", 240)
    assert error_codes(caught.value) == {"break_too_long"}
    assert _worked("08:00", "12:00", 239).minutes == 1


def test_more_than_eight_hours_is_overtime_and_eight_is_not() -> None:
    assert _worked("08:00", "17:00", 60).overtime is False  # 480 minutes
    assert _worked("08:00", "17:01", 60).overtime is True  # 481 minutes


def test_saturday_and_sunday_are_rest_days_and_friday_is_not() -> None:
    assert _worked("08:00", "12:00", day=SATURDAY).rest_day is True
    assert _worked("08:00", "12:00", day=SATURDAY + dt.timedelta(days=1)).rest_day is True
    assert _worked("08:00", "12:00", day=SATURDAY - dt.timedelta(days=1)).rest_day is False


# --- logging days ---------------------------------------------------------------------------


def test_a_logged_day_ending_at_22_00_opens_no_working_time_finding(placement: Placement) -> None:
    day = _log(placement, MONDAY, "14:00", "22:00")
    assert (day.minutes, day.night) == (480, False)
    assert open_rules(placement) == set()


def test_a_logged_day_ending_at_22_01_opens_a_working_time_finding(placement: Placement) -> None:
    day = _log(placement, MONDAY, "14:01", "22:01")
    assert day.night is True
    assert open_rules(placement) == {"working_time"}
    assert "1 night" in placement.findings.get(rule="working_time").detail


def test_correcting_the_night_away_mends_the_working_time_finding(placement: Placement) -> None:
    _log(placement, MONDAY, "14:01", "22:01")
    _log(placement, MONDAY, "14:00", "22:00")
    assert Day.objects.filter(week__placement=placement).count() == 1
    finding = placement.findings.get(rule="working_time")
    assert finding.mended_on == timezone.localdate()


def test_a_logged_saturday_opens_a_working_time_finding(placement: Placement) -> None:
    assert _log(placement, SATURDAY, "08:00", "12:00").rest_day is True
    assert open_rules(placement) == {"working_time"}


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (dt.date(2024, 2, 29), "outside"),
        (END + dt.timedelta(days=1), "outside"),
        (TODAY + dt.timedelta(days=1), "future"),
    ],
)
def test_a_day_outside_the_placement_or_in_the_future_is_refused(
    placement: Placement, day: dt.date, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _log(placement, day, "08:00", "12:00")
    assert error_codes(caught.value) == {code}
    assert not Day.objects.exists()


# --- the supervisor's link ------------------------------------------------------------------


def test_a_link_finds_its_week_and_confirms_it_once(placement: Placement) -> None:
    week = week_of(placement=placement, day=MONDAY)
    key = issue_link(week=week)
    assert week_for_key(key) == week
    week.refresh_from_db()
    assert week.key_hash and key not in week.key_hash
    confirmed = _confirm(week, week.key_hash)
    assert confirmed.is_confirmed and confirmed.confirmed_by == "王师傅"
    assert (confirmed.attendance, confirmed.skill, confirmed.safety) == (5, 4, None)
    with pytest.raises(ValidationError) as caught:
        _confirm(week, week.key_hash)
    assert error_codes(caught.value) == {"link_refused"}
    assert "confirmed already" in " ".join(caught.value.messages)


def test_an_expired_link_is_refused(placement: Placement) -> None:
    week = week_of(placement=placement, day=MONDAY)
    issue_link(week=week)
    Week.objects.filter(pk=week.pk).update(link_expires_at=timezone.now() - dt.timedelta(minutes=1))
    week.refresh_from_db()
    assert "expired" in (link_refusal(week) or "")
    with pytest.raises(ValidationError) as caught:
        _confirm(week, week.key_hash)
    assert error_codes(caught.value) == {"link_refused"}
    week.refresh_from_db()
    assert not week.is_confirmed


def test_the_key_of_another_placements_week_does_not_confirm_this_week(place: Site) -> None:
    mine = week_of(placement=place.place(), day=MONDAY)
    theirs = week_of(placement=place.place(), day=MONDAY)
    issue_link(week=mine)
    issue_link(week=theirs)
    theirs.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        _confirm(mine, theirs.key_hash)
    assert error_codes(caught.value) == {"link_refused"}
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert not mine.is_confirmed and not theirs.is_confirmed


def test_a_week_without_a_link_is_not_confirmed_with_an_empty_key(placement: Placement) -> None:
    week = week_of(placement=placement, day=MONDAY)
    assert week_for_key("") is None
    with pytest.raises(ValidationError):
        _confirm(week, "")


def test_a_new_link_replaces_the_old(placement: Placement) -> None:
    week = week_of(placement=placement, day=MONDAY)
    old = issue_link(week=week)
    new = issue_link(week=week)
    assert old != new
    assert week_for_key(old) is None
    assert week_for_key(new) == week


def test_a_confirmation_needs_the_supervisors_name(placement: Placement) -> None:
    week = week_of(placement=placement, day=MONDAY)
    issue_link(week=week)
    week.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        confirm_week(
            week_id=week.pk, key_hash=week.key_hash, confirmed_by=" ", ratings={}, comment=""
        )
    assert error_codes(caught.value) == {"required"}
    week.refresh_from_db()
    assert not week.is_confirmed


# --- a confirmed week -----------------------------------------------------------------------


def test_a_confirmed_week_refuses_new_days_journals_and_links(placement: Placement) -> None:
    _log(placement, MONDAY, "08:00", "12:00")
    week = week_of(placement=placement, day=MONDAY)
    hand_in_week(week=week, journal="修剪了三行苹果树。")
    issue_link(week=week)
    week.refresh_from_db()
    _confirm(week, week.key_hash)
    for attempt in (
        lambda: _log(placement, MONDAY + dt.timedelta(days=1), "08:00", "12:00"),
        lambda: _log(placement, MONDAY, "08:00", "13:00"),
        lambda: hand_in_week(week=week, journal="改写的周志"),
        lambda: issue_link(week=week),
    ):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert error_codes(caught.value) == {"confirmed"}
    week.refresh_from_db()
    assert week.journal == "修剪了三行苹果树。"
    assert list(Day.objects.filter(week=week).values_list("minutes", flat=True)) == [240]


def test_an_empty_journal_is_not_handed_in(placement: Placement) -> None:
    week = week_of(placement=placement, day=MONDAY)
    with pytest.raises(ValidationError) as caught:
        hand_in_week(week=week, journal="  ")
    assert error_codes(caught.value) == {"required"}


# --- the school supervisor's review ---------------------------------------------------------


def test_a_week_without_a_journal_is_not_reviewed(place: Site, placement: Placement) -> None:
    week = week_of(placement=placement, day=MONDAY)
    with pytest.raises(ValidationError) as caught:
        review_journal(week=week, reviewer=place.teacher, comment="好")
    assert error_codes(caught.value) == {"no_journal"}
    week.refresh_from_db()
    assert week.reviewed_on is None


def test_a_journal_is_reviewed_by_a_teacher_of_the_school_only(
    place: Site, placement: Placement, other_school: Any
) -> None:
    week = hand_in_week(week=week_of(placement=placement, day=MONDAY), journal="嫁接练习")
    with pytest.raises(ValidationError) as caught:
        review_journal(week=week, reviewer=StaffFactory(school=other_school), comment="")
    assert error_codes(caught.value) == {"not_staff"}
    reviewed = review_journal(
        week=week, reviewer=place.teacher, comment=" 写得具体 ", on=dt.date(2024, 3, 11)
    )
    assert (reviewed.reviewed_on, reviewed.reviewed_by, reviewed.review_comment) == (
        dt.date(2024, 3, 11),
        place.teacher,
        "写得具体",
    )
