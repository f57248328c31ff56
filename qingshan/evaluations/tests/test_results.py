"""Results: the minimum of raters, the arithmetic, aggregates that leak nothing, who sees what."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qingshan.accounts.enums import Role
from qingshan.evaluations.enums import CampaignStatus, ReviewStatus, TargetKind, Visibility
from qingshan.evaluations.models import Question, Target, TextAnswer
from qingshan.evaluations.selectors import results
from qingshan.evaluations.selectors.statistics import summarize, t_quantile_975
from qingshan.evaluations.services import campaigns
from qingshan.evaluations.tests.conftest import Rated
from qingshan.party.models import Member
from tests import factories, party_factories

MakeRated = Callable[..., Rated]


# --- the minimum of raters ------------------------------------------------------------------


def test_four_raters_of_five_needed_show_nothing_and_the_result_holds_no_numbers(
    school: Any, make_rated: MakeRated
) -> None:
    rated = make_rated(school, students=6, min_raters=5)
    rated.rate_many(0, [1, 2, 2, 2])

    result = results.target_result(target=rated.target())

    assert (result.shown, result.raters, result.invited) == (False, 4, 6)
    assert result.scales == ()
    assert result.choices == ()
    assert result.overall_mean is None
    assert result.flagged is False
    assert result.note == "too few responses"


def test_five_raters_show_the_result(school: Any, make_rated: MakeRated) -> None:
    rated = make_rated(school, students=6, min_raters=5)
    rated.rate_many(0, [1, 2, 2, 2, 3])
    rated.close()

    result = results.target_result(target=rated.target())

    assert (result.shown, result.raters, result.invited) == (True, 5, 6)
    assert result.overall_mean == 2.0
    assert len(result.scales) == 10
    assert result.note == ""


def test_a_result_that_is_not_shown_refuses_numbers(school: Any, make_rated: MakeRated) -> None:
    target = make_rated(school).target()

    with pytest.raises(ValueError, match="carries no numbers"):
        results.TargetResult(target=target, raters=4, invited=5, shown=False, overall_mean=3.0)


@pytest.mark.parametrize(("raters", "shown"), [(2, False), (3, True)])
def test_the_minimum_share_of_those_invited_is_needed_too(
    school: Any, make_rated: MakeRated, raters: int, shown: bool
) -> None:
    rated = make_rated(school, students=6, min_raters=2, min_share="0.50")
    rated.rate_many(0, [4] * raters)

    result = results.target_result(target=rated.target())

    assert (result.shown, result.share) == (shown, raters / 6)


# --- the arithmetic -------------------------------------------------------------------------


def test_mean_and_interval_of_a_question_agree_with_a_hand_calculation(
    school: Any, make_rated: MakeRated
) -> None:
    rated = make_rated(school, students=5)
    first_question = [4, 4, 3, 3, 2]
    rated.rate_many(0, [[score] + [4] * 9 for score in first_question])
    rated.close()

    result = results.target_result(target=rated.target())
    first, second = result.scales[0], result.scales[1]

    # mean 16/5 = 3.2; squared deviations .64+.64+.04+.04+1.44 = 2.8, s² = 2.8/4 = 0.7;
    # t(0.975, 4) = 2.7764; half width = 2.7764·√(0.7/5) = 1.03884
    half = 2.7764 * math.sqrt(0.7 / 5)
    assert first.distribution == {1: 0, 2: 1, 3: 2, 4: 2, 5: 0}
    assert first.answered == 5
    assert first.mean == pytest.approx(3.2)
    assert first.interval == pytest.approx((3.2 - half, 3.2 + half))
    assert first.interval == pytest.approx((2.16116, 4.23884), abs=1e-5)
    assert (second.mean, second.interval) == (4.0, (4.0, 4.0))
    # the mean of the ten question means: (3.2 + 9·4) / 10
    assert result.overall_mean == pytest.approx(3.92)


def test_the_interval_is_clipped_to_the_scale_and_absent_below_two_answers() -> None:
    assert summarize({5: 1}, low=1, high=5).interval is None
    assert summarize({}, low=1, high=5).mean is None
    assert summarize({1: 1, 5: 1}, low=1, high=5).interval == (1.0, 5.0)


@pytest.mark.parametrize("df", [1, 2, 4, 9, 30, 31, 60, 200])
def test_t_quantiles_leave_two_and_a_half_percent_in_the_upper_tail(df: int) -> None:
    quantile = t_quantile_975(df)
    density = [
        math.exp(
            math.lgamma((df + 1) / 2)
            - math.lgamma(df / 2)
            - 0.5 * math.log(df * math.pi)
            - (df + 1) / 2 * math.log1p((quantile * i / 20000) ** 2 / df)
        )
        for i in range(20001)
    ]
    step = quantile / 20000
    between_zero_and_quantile = step * (sum(density) - (density[0] + density[-1]) / 2)

    assert 0.5 + between_zero_and_quantile == pytest.approx(0.975, abs=2e-5)


def test_choice_questions_count_each_option(school: Any, make_rated: MakeRated) -> None:
    rated = make_rated(school, students=5)
    for student, choice in enumerate([0, 0, 3, None, 4]):
        rated.rate(student, choice=choice)
    rated.close()

    result = results.target_result(target=rated.target())

    assert result.choices[0].counts == {0: 2, 1: 0, 2: 0, 3: 1, 4: 1}
    assert result.choices[0].labelled[0] == ("explanations", 2)


# --- the campaign, flags and the school mean -----------------------------------------------


def _shown_campaign(school: Any, make_rated: MakeRated, teachers: int, year: int) -> Rated:
    rated = make_rated(school, teachers=teachers, students=5, year=year)
    for teacher in range(teachers):
        rated.rate_many(teacher, [4, 4, 4, 5, 3])
    return rated.close()


def test_campaign_results_run_as_many_queries_for_three_targets_as_for_one(
    school: Any, make_rated: MakeRated
) -> None:
    one = _shown_campaign(school, make_rated, teachers=1, year=2012).campaign
    three = _shown_campaign(school, make_rated, teachers=3, year=2013).campaign

    with CaptureQueriesContext(connection) as for_one:
        rows_one = results.campaign_results(campaign=one)
    with CaptureQueriesContext(connection) as for_three:
        rows_three = results.campaign_results(campaign=three)

    assert (len(rows_one), len(rows_three)) == (1, 3)
    assert all(row.shown for row in rows_one + rows_three)
    assert len(for_one.captured_queries) == len(for_three.captured_queries) == 5


def test_flags_take_shown_targets_below_the_bar_not_those_at_it_or_hidden(
    school: Any, make_rated: MakeRated
) -> None:
    rated = make_rated(school, teachers=3, students=5, threshold="3.00")
    rated.rate_many(0, [3, 3, 3, 3, 3])  # at the bar
    rated.rate_many(1, [3, 3, 3, 3, 2])  # 2.8, below
    rated.rate_many(2, [1, 1, 1, 1])  # far below, but only four raters
    rated.close()

    flagged = results.flags(campaign=rated.campaign)

    assert [row.target.staff for row in flagged] == [rated.teachers[1]]
    assert flagged[0].overall_mean == pytest.approx(2.8)


def test_a_mean_exactly_at_the_bar_is_not_flagged_where_floats_would_say_below(
    school: Any, make_rated: MakeRated
) -> None:
    rated = make_rated(school, students=5, threshold="3.00")
    # per question sums 18,17,18,14,10,10,15,17,15,16 of five: exactly 3 on average, but the
    # float sum of the ten means gives 2.9999999999999996
    columns = [
        [4, 4, 4, 3, 3],
        [4, 4, 3, 3, 3],
        [4, 4, 4, 3, 3],
        [3, 3, 3, 3, 2],
        [2, 2, 2, 2, 2],
        [2, 2, 2, 2, 2],
        [3, 3, 3, 3, 3],
        [4, 4, 3, 3, 3],
        [3, 3, 3, 3, 3],
        [4, 3, 3, 3, 3],
    ]
    rated.rate_many(0, [list(row) for row in zip(*columns, strict=True)])
    rated.close()

    result = results.target_result(target=rated.target())

    assert sum(scale.mean or 0 for scale in result.scales) / 10 < 3
    assert result.overall_mean == 3.0
    assert result.flagged is False


def test_the_school_mean_pools_every_answer_to_a_shown_target(
    school: Any, make_rated: MakeRated
) -> None:
    rated = make_rated(school, teachers=3, students=6)
    rated.rate_many(0, [5, 5, 5, 5, 5])  # 5 raters × 10 answers of 5
    rated.rate_many(1, [2, 2, 2, 2, 2, 2])  # 6 raters × 10 answers of 2
    rated.rate_many(2, [1, 1])  # hidden
    rated.close()

    mean = results.school_mean(campaign=rated.campaign)

    assert mean == pytest.approx((50 * 5 + 60 * 2) / 110)


# --- departments ----------------------------------------------------------------------------


def test_departments_pool_their_teachers_and_never_give_a_hidden_one_away(
    school: Any, make_rated: MakeRated
) -> None:
    office, workshop, pair = (
        factories.DepartmentFactory(school=school, name=name)
        for name in ("教务处", "实训处", "德育处")
    )
    staff = [
        factories.StaffFactory(school=school, department=department)
        for department in (office, office, workshop, workshop, pair, pair)
    ] + [factories.StaffFactory(school=school, department=None)]
    rated = make_rated(school, teachers=staff, students=5)
    rated.rate_many(0, [5, 5, 5, 5, 5])
    rated.rate_many(1, [3, 3, 3, 3, 3])
    rated.rate_many(2, [4, 4, 4, 4, 4])
    rated.rate_many(3, [1, 1, 1])  # hidden, alone: the workshop minus teacher 2 would show it
    rated.rate_many(4, [2, 2, 2])  # hidden, but with teacher 5 pooled to six ratings
    rated.rate_many(5, [4, 4, 4])
    rated.rate_many(6, [5, 5])
    rated.close()

    rows = {row.label: row for row in results.department_results(campaign=rated.campaign)}

    assert list(rows) == ["实训处", "德育处", "教务处", "No department"]
    assert (rows["教务处"].shown, rows["教务处"].raters, rows["教务处"].teachers) == (True, 10, 2)
    assert rows["教务处"].overall_mean == 4.0
    assert rows["教务处"].scales[0].distribution == {1: 0, 2: 0, 3: 5, 4: 0, 5: 5}
    assert (rows["实训处"].shown, rows["实训处"].raters) == (False, 8)
    assert rows["实训处"].scales == ()
    assert rows["实训处"].overall_mean is None
    assert (rows["德育处"].shown, rows["德育处"].overall_mean) == (True, 3.0)
    assert (rows["No department"].shown, rows["No department"].raters) == (False, 2)


# --- earlier terms --------------------------------------------------------------------------


def test_previous_results_compare_the_same_teacher_over_earlier_published_terms(
    school: Any, make_rated: MakeRated
) -> None:
    teacher, colleague = (
        factories.StaffFactory(school=school),
        factories.StaffFactory(school=school),
    )
    oldest = make_rated(school, teachers=[teacher], year=2010, name="2010")
    oldest.rate_many(0, [2, 2, 2, 2, 2])
    oldest.publish()
    unpublished = make_rated(school, teachers=[teacher], year=2011, name="2011")
    unpublished.rate_many(0, [3, 3, 3, 3, 3])
    unpublished.close()
    hidden = make_rated(school, teachers=[teacher, colleague], year=2012, name="2012")
    hidden.rate_many(0, [5, 5])
    hidden.rate_many(1, [1, 1, 1, 1, 1])
    hidden.publish()
    current = make_rated(school, teachers=[teacher], year=2013, name="2013")
    current.rate_many(0, [4, 4, 4, 4, 4])
    current.close()

    previous = results.previous_results(target=current.target())
    for_managers = results.previous_results(target=current.target(), include_unpublished=True)

    assert [(campaign.name, mean) for campaign, mean in previous] == [("2010", 2.0)]
    assert [(campaign.name, mean) for campaign, mean in for_managers] == [
        ("2010", 2.0),
        ("2011", 3.0),
    ]
    assert results.previous_results(target=oldest.target()) == []


def test_score_history_sets_each_term_against_the_schools_mean(
    school: Any, make_rated: MakeRated
) -> None:
    teacher, colleague = (
        factories.StaffFactory(school=school),
        factories.StaffFactory(school=school),
    )
    oldest = make_rated(school, teachers=[teacher, colleague], year=2010, name="2010")
    oldest.rate_many(0, [2, 2, 2, 2, 2])
    oldest.rate_many(1, [4, 4, 4, 4, 4])
    oldest.publish()
    unpublished = make_rated(school, teachers=[teacher], year=2011, name="2011")
    unpublished.rate_many(0, [3, 3, 3, 3, 3])
    unpublished.close()
    hidden = make_rated(school, teachers=[teacher, colleague], year=2012, name="2012")
    hidden.rate_many(0, [5, 5])
    hidden.rate_many(1, [1, 1, 1, 1, 1])
    hidden.publish()
    current = make_rated(school, teachers=[teacher], year=2013, name="2013")
    current.rate_many(0, [4, 4, 4, 4, 4])
    current.close()

    for_managers = results.score_history(target=current.target(), include_unpublished=True)
    published = results.score_history(target=current.target())

    assert [(item.campaign.name, item.mean, item.school_mean) for item in for_managers] == [
        ("2010", 2.0, 3.0),
        ("2011", 3.0, 3.0),
        ("2012", None, 1.0),  # the teacher's result is hidden; the school's pools the shown
        ("2013", 4.0, 4.0),
    ]
    assert [item.campaign.name for item in published] == ["2010", "2012", "2013"]


def test_score_history_takes_as_many_queries_for_four_terms_as_for_one(
    school: Any, make_rated: MakeRated
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    teacher = factories.StaffFactory(school=school)
    made = []
    for year in (2010, 2011, 2012, 2013):
        rated = make_rated(school, teachers=[teacher], year=year, name=str(year))
        rated.rate_many(0, [4, 4, 4, 4, 4])
        made.append(rated.close())

    def queries(rated: Any) -> int:
        target = rated.target()
        with CaptureQueriesContext(connection) as captured:
            results.score_history(target=target, include_unpublished=True)
        return len(captured)

    assert queries(made[0]) == queries(made[-1])


# --- who sees what --------------------------------------------------------------------------


@pytest.fixture
def people(school: Any, other_school: Any, user_with_role: Callable[..., Any]) -> dict[str, Any]:
    """A user per role; ``rated`` and ``colleague`` are teachers with staff records."""
    users = {
        "secretary": user_with_role(Role.SECRETARY, school),
        "school_admin": user_with_role(Role.SCHOOL_ADMIN, school),
        "rated": user_with_role(Role.TEACHER, school),
        "colleague": user_with_role(Role.TEACHER, school),
        "student": user_with_role(Role.STUDENT, school),
        "foreign_secretary": user_with_role(Role.SECRETARY, other_school),
    }
    users["rated_staff"] = factories.StaffFactory(school=school, user=users["rated"], name="张老师")
    users["colleague_staff"] = factories.StaffFactory(
        school=school, user=users["colleague"], name="李老师"
    )
    return users


def _to(rated: Rated, status: int) -> None:
    if status >= CampaignStatus.CLOSED:
        rated.close()
    if status >= CampaignStatus.REVIEWED:
        campaigns.finish_review(campaign=rated.campaign)
    if status >= CampaignStatus.PUBLISHED:
        campaigns.publish_campaign(campaign=rated.campaign)


MAY_SEE = {
    # viewer: statuses at which they may see the rated teacher's results (default instrument:
    # every question visible to the person rated, none to the whole school)
    "secretary": {CampaignStatus.CLOSED, CampaignStatus.REVIEWED, CampaignStatus.PUBLISHED},
    "school_admin": {CampaignStatus.CLOSED, CampaignStatus.REVIEWED, CampaignStatus.PUBLISHED},
    "rated": {CampaignStatus.PUBLISHED},
    "colleague": set(),
    "student": set(),
    "foreign_secretary": set(),
}


@pytest.mark.parametrize("viewer", list(MAY_SEE))
@pytest.mark.parametrize(
    "status",
    [CampaignStatus.OPEN, CampaignStatus.CLOSED, CampaignStatus.REVIEWED, CampaignStatus.PUBLISHED],
)
def test_who_may_see_a_teachers_results_at_each_stage(
    school: Any, make_rated: MakeRated, people: dict[str, Any], viewer: str, status: int
) -> None:
    rated = make_rated(school, teachers=[people["rated_staff"], people["colleague_staff"]])
    rated.rate_many(0, [4, 4, 4, 4, 4])
    _to(rated, status)

    allowed = results.may_see_results(user=people[viewer], school=school, target=rated.target(0))

    assert allowed == (status in MAY_SEE[viewer])


def test_question_visibility_decides_per_question_once_published(
    school: Any, make_rated: MakeRated, people: dict[str, Any]
) -> None:
    rated = make_rated(school, teachers=[people["rated_staff"], people["colleague_staff"]])
    for_managers, for_target, for_school = rated.scales[:3]
    Question.objects.filter(pk=for_managers.pk).update(visibility=Visibility.MANAGERS)
    Question.objects.filter(pk=for_school.pk).update(visibility=Visibility.SCHOOL)
    questions = list(Question.objects.filter(pk__in=[q.pk for q in rated.scales[:3]]))
    by_pk = {q.pk: q for q in questions}
    _to(rated, CampaignStatus.PUBLISHED)
    target = rated.target(0)

    def sees(viewer: str) -> list[bool]:
        return [
            results.may_see_results(
                user=people[viewer], school=school, target=target, question=by_pk[q.pk]
            )
            for q in (for_managers, for_target, for_school)
        ]

    assert sees("secretary") == [True, True, True]
    assert sees("rated") == [False, True, True]
    assert sees("colleague") == [False, False, True]
    assert sees("student") == [False, False, False]
    assert results.may_see_results(user=people["colleague"], school=school, target=target) is True


def test_a_party_member_sees_their_own_results_through_their_staff_record(
    school: Any, make_rated: MakeRated, people: dict[str, Any]
) -> None:
    rated = make_rated(school)
    _to(rated, CampaignStatus.PUBLISHED)
    member = cast(Member, party_factories.MemberFactory(school=school, staff=people["rated_staff"]))
    target = Target(
        school=school, campaign=rated.campaign, kind=TargetKind.PARTY_MEMBER, member=member
    )

    assert results.may_see_results(user=people["rated"], school=school, target=target) is True
    assert results.may_see_results(user=people["colleague"], school=school, target=target) is False


# --- free text --------------------------------------------------------------------------------

TEXTS = {
    "公开": ReviewStatus.PUBLIC,
    "私下": ReviewStatus.PRIVATE,
    "扣下": ReviewStatus.WITHHELD,
    "待审": ReviewStatus.PENDING,
}


def _with_texts(school: Any, make_rated: MakeRated, status: int, raters: int = 5) -> Rated:
    rated = make_rated(school, students=5)
    for student, text in enumerate([*TEXTS, "另一条公开"][:raters]):
        rated.rate(student, text=text)
    rated.close()
    for answer in TextAnswer.objects.filter(target__campaign=rated.campaign):
        review = TEXTS.get(answer.text, ReviewStatus.PUBLIC)
        if review == ReviewStatus.PENDING and status > CampaignStatus.CLOSED:
            review = ReviewStatus.WITHHELD
        if review != ReviewStatus.PENDING:
            campaigns.review_text_answer(answer=answer, review=review)
    if status == CampaignStatus.OPEN:
        campaigns.open_campaign(campaign=rated.campaign)
    _to_after_closing(rated, status)
    return rated


def _to_after_closing(rated: Rated, status: int) -> None:
    if status >= CampaignStatus.REVIEWED:
        campaigns.finish_review(campaign=rated.campaign)
    if status >= CampaignStatus.PUBLISHED:
        campaigns.publish_campaign(campaign=rated.campaign)


@pytest.mark.parametrize(
    ("status", "viewer", "expected"),
    [
        (CampaignStatus.OPEN, "manager", set()),
        (CampaignStatus.OPEN, "target", set()),
        (CampaignStatus.CLOSED, "manager", {"公开", "私下", "待审", "另一条公开"}),
        (CampaignStatus.CLOSED, "target", set()),
        (CampaignStatus.CLOSED, "staff", set()),
        (CampaignStatus.REVIEWED, "manager", {"公开", "私下", "另一条公开"}),
        (CampaignStatus.REVIEWED, "target", set()),
        (CampaignStatus.PUBLISHED, "manager", {"公开", "私下", "另一条公开"}),
        (CampaignStatus.PUBLISHED, "target", {"公开", "私下", "另一条公开"}),
        # the remarks are visible to the person rated, not to the whole school
        (CampaignStatus.PUBLISHED, "staff", set()),
    ],
)
def test_text_answers_by_review_status_viewer_and_stage(
    school: Any, make_rated: MakeRated, status: int, viewer: str, expected: set[str]
) -> None:
    rated = _with_texts(school, make_rated, status)

    answers = results.text_answers(
        target=rated.target(),
        viewer_is_target=viewer == "target",
        viewer_is_manager=viewer == "manager",
    )

    assert {answer.text for answer in answers} == expected
    assert [answer.pk for answer in answers] == sorted(answer.pk for answer in answers)


def test_staff_read_only_the_public_answers_of_a_school_wide_question(
    school: Any, make_rated: MakeRated
) -> None:
    rated = make_rated(school, students=5)
    Question.objects.filter(pk=rated.text.pk).update(visibility=Visibility.SCHOOL)
    rated.text.visibility = Visibility.SCHOOL
    for student, text in enumerate([*TEXTS, "另一条公开"]):
        rated.rate(student, text=text)
    rated.close()
    for answer in TextAnswer.objects.filter(target__campaign=rated.campaign):
        review = TEXTS.get(answer.text, ReviewStatus.PUBLIC)
        campaigns.review_text_answer(
            answer=answer,
            review=ReviewStatus.WITHHELD if review == ReviewStatus.PENDING else review,
        )
    _to_after_closing(rated, CampaignStatus.PUBLISHED)

    answers = results.text_answers(
        target=rated.target(), viewer_is_target=False, viewer_is_manager=False
    )

    assert sorted(answer.text for answer in answers) == sorted(["公开", "另一条公开"])


def test_nobody_but_the_managers_reads_the_text_answers_of_a_hidden_result(
    school: Any, make_rated: MakeRated
) -> None:
    rated = _with_texts(school, make_rated, CampaignStatus.PUBLISHED, raters=4)

    as_target = results.text_answers(
        target=rated.target(), viewer_is_target=True, viewer_is_manager=False
    )
    as_manager = results.text_answers(
        target=rated.target(), viewer_is_target=False, viewer_is_manager=True
    )

    assert as_target == []
    assert {answer.text for answer in as_manager} == {"公开", "私下"}
