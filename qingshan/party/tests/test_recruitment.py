"""The recruitment rules engine: every rule on both sides of its boundary, under both rule sets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from qingshan.core.dates import add_months
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.party import enums
from qingshan.party.enums import MemberStatus, RecruitEventKind, RecruitStatus, Stage, Step
from qingshan.party.models import (
    Branch,
    CultivationRecord,
    Member,
    MembershipEvent,
    Recruit,
    RecruitEvent,
    RecruitmentStep,
)
from qingshan.party.selectors import recruitment as selectors
from qingshan.party.services import recruitment as services
from tests.factories import StaffFactory
from tests.party_factories import BranchFactory, MemberFactory

D = dt.date
START_2014 = D(2014, 9, 1)  # a path wholly under the 2014 rules
START_1990 = D(2011, 9, 1)  # a path wholly under the 1990 trial rules (ends 2014-03-01)

# When each step happens after the application: (months, days).
SCHEDULE: dict[int, tuple[int, int]] = {
    1: (0, 0),
    2: (0, 19),
    3: (1, 9),
    4: (1, 19),
    5: (1, 24),
    6: (7, 9),
    7: (13, 11),
    8: (13, 19),
    9: (13, 24),
    10: (14, 4),
    11: (14, 15),
    12: (15, 0),
    13: (15, 9),
    14: (15, 14),
    15: (16, 7),
    16: (16, 19),
    17: (18, 0),
    18: (18, 9),
    19: (18, 14),
    20: (18, 19),
    21: (21, 0),
    22: (27, 19),
    23: (28, 8),
    24: (29, 19),
    25: (30, 0),
}
PASSING_VOTE = {"entitled_to_vote": 10, "attended": 8, "yes_votes": 8}


def scheduled(start: dt.date, number: int) -> dt.date:
    months, days = SCHEDULE[number]
    return add_months(start, months) + dt.timedelta(days=days)


class RecruitmentPath:
    """Records a recruit's steps with valid defaults, so that a test starts at any stage."""

    def __init__(self, school: School) -> None:
        self.school = school
        self.branch = BranchFactory(school=school)
        self.contact = MemberFactory(school=school, name="联系人")
        self.sponsors = [
            MemberFactory(school=school, name="介绍人甲"),
            MemberFactory(school=school, name="介绍人乙"),
        ]
        # The register's full members make the ten entitled to vote of PASSING_VOTE.
        MemberFactory.create_batch(7, school=school)

    def apply(self, **overrides: Any) -> Recruit:
        values: dict[str, Any] = {
            "school": self.school,
            "name": "李明",
            "gender": "female",
            "birth_date": D(1988, 3, 15),
            "applied_on": START_2014,
            "category": enums.MemberCategory.TEACHER,
            **overrides,
        }
        return services.register_application(**values)

    def defaults(self, recruit: Recruit, number: int) -> dict[str, Any]:
        start = recruit.steps.get(step=Step.APPLICATION).date
        values: dict[str, Any] = {"date": scheduled(start, number)}
        if number == Step.CONTACTS_ASSIGNED:
            values["actors"] = [self.contact]
        elif number == Step.SPONSORS_CHOSEN:
            values["actors"] = self.sponsors
        elif number == Step.TRAINING:
            values["training_days"] = Decimal(3)
        elif number in (Step.BRANCH_VOTE, Step.CONVERSION_VOTE):
            values.update(PASSING_VOTE)
        return values

    def record(self, recruit: Recruit, number: int, **overrides: Any) -> RecruitmentStep:
        values = {**self.defaults(recruit, number), **overrides}
        return services.record_step(recruit=recruit, step=number, **values)

    def cultivate(self, recruit: Recruit) -> None:
        """A thought report each quarter and an assessment each half year, for a year."""
        activist = recruit.steps.get(step=Step.ACTIVIST_CHOSEN).date
        for quarter in range(1, 5):
            services.add_cultivation_record(
                recruit=recruit,
                kind=enums.CultivationKind.THOUGHT_REPORT,
                date=add_months(activist, 3 * quarter),
            )
        for half in range(1, 3):
            services.add_cultivation_record(
                recruit=recruit,
                kind=enums.CultivationKind.ASSESSMENT,
                date=add_months(activist, 6 * half),
            )

    def advance(
        self,
        recruit: Recruit,
        to: int,
        *,
        dates: dict[int, dt.date] | None = None,
        skip: tuple[int, ...] = (),
        cultivation: bool = True,
    ) -> Recruit:
        last = recruit.steps.order_by("-step").values_list("step", flat=True).first() or 0
        for number in range(last + 1, to + 1):
            if number in skip:
                continue
            overrides = {"date": dates[number]} if dates and number in dates else {}
            self.record(recruit, number, **overrides)
            if number == Step.ACTIVIST_CHOSEN and cultivation:
                self.cultivate(recruit)
        return recruit

    def at(self, to: int, **apply: Any) -> Recruit:
        """A new recruit with steps 1 to ``to`` recorded."""
        return self.advance(self.apply(**apply), to)


@pytest.fixture
def path(school: School) -> RecruitmentPath:
    return RecruitmentPath(school)


def codes(error: pytest.ExceptionInfo[DomainError]) -> list[str | None]:
    return [item.code for item in error.value.error_list]


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            Recruit,
            RecruitmentStep,
            RecruitEvent,
            Member,
            MembershipEvent,
            CultivationRecord,
        )
    )


# --- The application -----------------------------------------------------------------------------
def test_an_application_creates_an_applicant_with_step_1_dated_on_the_application(
    path: RecruitmentPath,
) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    step = recruit.steps.get()
    assert (recruit.stage, recruit.status) == (Stage.APPLICANT, RecruitStatus.ACTIVE)
    assert (step.step, step.date, step.ruleset) == (Step.APPLICATION, D(2014, 9, 1), "2014")


def test_an_applicant_one_day_before_turning_18_is_refused(path: RecruitmentPath) -> None:
    with pytest.raises(DomainError) as error:
        path.apply(birth_date=D(1996, 9, 2), applied_on=D(2014, 9, 1))

    assert error.value.messages == [
        "Applicants must be at least 18 years old on the day they apply (born 1996-09-02; "
        "17 on 2014-09-01)."
    ]
    assert Recruit.objects.count() == 0


def test_an_applicant_turning_18_on_the_day_is_accepted(path: RecruitmentPath) -> None:
    recruit = path.apply(birth_date=D(1996, 9, 1), applied_on=D(2014, 9, 1))

    assert recruit.stage == Stage.APPLICANT


def test_a_staff_record_of_another_school_is_refused(
    path: RecruitmentPath, other_school: School
) -> None:
    with pytest.raises(DomainError) as error:
        path.apply(staff=StaffFactory(school=other_school))

    assert error.value.code == "other_school"
    assert Recruit.objects.count() == 0


def test_a_person_with_a_recruitment_in_progress_cannot_apply_again(
    path: RecruitmentPath, school: School
) -> None:
    staff = StaffFactory(school=school)
    path.apply(staff=staff)

    with pytest.raises(DomainError) as error:
        path.apply(staff=staff)

    assert error.value.code == "one_person"


# --- Order of steps ------------------------------------------------------------------------------
def test_a_step_that_is_not_next_is_refused(path: RecruitmentPath) -> None:
    recruit = path.apply()

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.ACTIVIST_CHOSEN)

    assert error.value.messages == [
        "Steps are recorded in order: the next step is 2, not 3.",
    ]


def test_a_step_dated_before_the_previous_step_is_refused(path: RecruitmentPath) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.APPLICATION_TALK, date=D(2014, 8, 31))

    assert error.value.code == "date_order"


def test_a_step_on_the_day_of_the_previous_step_is_accepted(path: RecruitmentPath) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    step = path.record(recruit, Step.APPLICATION_TALK, date=D(2014, 9, 1))

    assert step.date == D(2014, 9, 1)


def test_there_is_no_step_26(path: RecruitmentPath) -> None:
    recruit = path.apply()

    with pytest.raises(DomainError) as error:
        services.record_step(recruit=recruit, step=26, date=D(2014, 9, 2))

    assert error.value.code == "no_such_step"


def test_a_withdrawn_recruit_takes_no_more_steps(path: RecruitmentPath) -> None:
    recruit = path.apply()
    services.withdraw(recruit=recruit, date=D(2014, 9, 5), reason="本人申请撤回")

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.APPLICATION_TALK)

    assert error.value.messages == [
        "The recruitment of 李明 is withdrawn; nothing more can be recorded."
    ]


@pytest.mark.parametrize(
    ("filing_step", "skipped_on", "accepted"),
    [
        (Step.ACTIVIST_FILED, D(2014, 6, 9), True),
        (Step.ACTIVIST_FILED, D(2014, 6, 10), False),
        (Step.CANDIDATE_FILED, D(2014, 6, 9), True),
        (Step.CANDIDATE_FILED, D(2014, 6, 10), False),
    ],
)
def test_a_filing_step_may_be_skipped_under_the_1990_rules_only(
    path: RecruitmentPath, filing_step: int, skipped_on: dt.date, accepted: bool
) -> None:
    recruit = path.at(filing_step - 1, applied_on=D(2012, 9, 1))

    if accepted:
        step = path.record(recruit, filing_step + 1, date=skipped_on)
        assert (step.step, step.ruleset) == (filing_step + 1, "1990")
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, filing_step + 1, date=skipped_on)
        assert error.value.messages == [
            f"Steps are recorded in order: the next step is {filing_step}, not {filing_step + 1}."
        ]


def test_an_optional_filing_step_may_still_be_recorded_under_the_1990_rules(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(3, applied_on=START_1990)

    step = path.record(recruit, Step.ACTIVIST_FILED)

    assert (step.step, step.ruleset) == (Step.ACTIVIST_FILED, "1990")


def test_each_step_keeps_the_rule_set_of_its_own_date(path: RecruitmentPath) -> None:
    recruit = path.apply(applied_on=D(2014, 6, 1))

    talk = path.record(recruit, Step.APPLICATION_TALK, date=D(2014, 6, 10))

    assert list(recruit.steps.values_list("ruleset", flat=True)) == ["1990", "2014"]
    assert talk.ruleset == "2014"


# --- Step 2: the talk within a month (2014 rules; overridable) -----------------------------------
def test_a_talk_one_month_after_the_application_is_in_time(path: RecruitmentPath) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    step = path.record(recruit, Step.APPLICATION_TALK, date=D(2014, 10, 1))

    assert step.exception_rule == ""


def test_a_talk_one_month_and_a_day_after_the_application_is_refused(
    path: RecruitmentPath,
) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.APPLICATION_TALK, date=D(2014, 10, 2))

    assert error.value.messages == [
        "The talk with the applicant is due within 1 month of the application (applied on "
        "2014-09-01; due by 2014-10-01). Record a justified exception to go ahead."
    ]
    assert recruit.steps.count() == 1


@pytest.mark.parametrize(
    ("applied_on", "talk_on", "accepted"),
    [(D(2014, 4, 9), D(2014, 6, 9), True), (D(2014, 4, 10), D(2014, 6, 10), False)],
)
def test_a_talk_two_months_late_is_refused_only_under_the_2014_rules(
    path: RecruitmentPath, applied_on: dt.date, talk_on: dt.date, accepted: bool
) -> None:
    recruit = path.apply(applied_on=applied_on)

    if accepted:
        assert path.record(recruit, Step.APPLICATION_TALK, date=talk_on).ruleset == "1990"
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.APPLICATION_TALK, date=talk_on)
        assert error.value.code == "talk_time_limit"


def test_a_late_talk_with_a_justified_exception_is_saved_and_listed(
    path: RecruitmentPath, school: School
) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    step = path.record(
        recruit,
        Step.APPLICATION_TALK,
        date=D(2014, 11, 3),
        exception_reason="书记外出培训两个月",
    )

    assert (step.exception_reason, step.exception_rule) == (
        "书记外出培训两个月",
        "Talk with the applicant within one month",
    )
    assert list(selectors.explained_exceptions(school=school)) == [step]


def test_a_justified_exception_without_a_broken_rule_is_refused(path: RecruitmentPath) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.APPLICATION_TALK, date=D(2014, 9, 5), exception_reason="无")

    assert error.value.code == "no_exception_needed"


# --- Step 3: the Youth League's recommendation (local practice; overridable) ----------------------
@pytest.mark.parametrize(
    ("birth_date", "recommended", "accepted"),
    [
        (D(1985, 10, 11), False, False),  # 28 on 2014-10-10
        (D(1985, 10, 11), True, True),
        (D(1985, 10, 10), False, True),  # 29 on 2014-10-10
    ],
)
def test_a_league_member_up_to_28_becomes_activist_on_the_leagues_recommendation(
    path: RecruitmentPath, birth_date: dt.date, recommended: bool, accepted: bool
) -> None:
    recruit = path.at(2, birth_date=birth_date, is_league_member=True)

    if accepted:
        step = path.record(recruit, Step.ACTIVIST_CHOSEN, league_recommended=recommended)
        recruit.refresh_from_db()
        assert (step.date, recruit.stage) == (D(2014, 10, 10), Stage.ACTIVIST)
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.ACTIVIST_CHOSEN, league_recommended=recommended)
        assert error.value.code == "league_recommendation"


def test_an_applicant_not_in_the_league_needs_no_recommendation(path: RecruitmentPath) -> None:
    recruit = path.at(2, birth_date=D(1994, 1, 1), is_league_member=False)

    step = path.record(recruit, Step.ACTIVIST_CHOSEN)

    assert step.exception_rule == ""


# --- Step 5: cultivation contacts (hard) ---------------------------------------------------------
def test_contacts_are_set_on_the_recruit(path: RecruitmentPath) -> None:
    recruit = path.at(4)

    path.record(recruit, Step.CONTACTS_ASSIGNED, actors=[path.contact])

    assert list(recruit.contacts.all()) == [path.contact]


def test_a_contacts_step_without_a_contact_is_refused(path: RecruitmentPath) -> None:
    recruit = path.at(4)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.CONTACTS_ASSIGNED, actors=[])

    assert error.value.messages == ["At least one cultivation contact is required."]


def test_a_member_who_left_cannot_be_a_contact(path: RecruitmentPath, school: School) -> None:
    recruit = path.at(4)
    gone = MemberFactory(school=school, name="王五", status=MemberStatus.TRANSFERRED_OUT)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.CONTACTS_ASSIGNED, actors=[gone])

    assert error.value.messages == [
        "Cultivation contacts are active members of the branch (王五 is not)."
    ]


def test_a_member_of_another_school_cannot_be_a_contact(
    path: RecruitmentPath, other_school: School
) -> None:
    recruit = path.at(4)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.CONTACTS_ASSIGNED, actors=[MemberFactory(school=other_school)])

    assert error.value.code == "other_school"
    assert recruit.contacts.count() == 0


# --- Step 7: a year as activist (hard), reports and assessments (overridable) ---------------------
ACTIVIST_ON = D(2014, 8, 1)


def _activist_for_candidacy(path: RecruitmentPath, **advance: Any) -> Recruit:
    recruit = path.apply(applied_on=D(2014, 7, 10))
    return path.advance(recruit, 6, dates={3: ACTIVIST_ON}, **advance)


def test_candidacy_after_11_months_and_30_days_as_activist_is_refused(
    path: RecruitmentPath,
) -> None:
    recruit = _activist_for_candidacy(path)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.CANDIDATE_CHOSEN, date=D(2015, 7, 31))

    assert error.value.messages == [
        "At least one year as activist is required before candidacy (activist since "
        "2014-08-01; earliest 2015-08-01)."
    ]


def test_candidacy_after_exactly_12_months_as_activist_makes_a_candidate(
    path: RecruitmentPath,
) -> None:
    recruit = _activist_for_candidacy(path)

    path.record(recruit, Step.CANDIDATE_CHOSEN, date=D(2015, 8, 1))

    recruit.refresh_from_db()
    assert recruit.stage == Stage.CANDIDATE


def test_the_year_as_activist_cannot_be_excepted(path: RecruitmentPath) -> None:
    recruit = _activist_for_candidacy(path)

    with pytest.raises(DomainError) as error:
        path.record(
            recruit, Step.CANDIDATE_CHOSEN, date=D(2015, 7, 31), exception_reason="表现突出"
        )

    assert error.value.code == "activist_period"


def test_candidacy_without_quarterly_thought_reports_is_refused(path: RecruitmentPath) -> None:
    recruit = _activist_for_candidacy(path, cultivation=False)
    services.add_cultivation_record(
        recruit=recruit, kind=enums.CultivationKind.ASSESSMENT, date=D(2015, 2, 1)
    )
    services.add_cultivation_record(
        recruit=recruit, kind=enums.CultivationKind.ASSESSMENT, date=D(2015, 8, 1)
    )
    for day in (D(2014, 10, 15), D(2015, 1, 20), D(2015, 7, 1)):
        services.add_cultivation_record(
            recruit=recruit, kind=enums.CultivationKind.THOUGHT_REPORT, date=day
        )

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.CANDIDATE_CHOSEN, date=D(2015, 8, 1))

    assert error.value.messages == [
        "An activist hands in a thought report every quarter (none for 2015-02-01 – "
        "2015-05-01). Record a justified exception to go ahead."
    ]


def test_years_without_thought_reports_are_told_in_one_sentence_not_a_list_of_quarters(
    path: RecruitmentPath,
) -> None:
    recruit = _activist_for_candidacy(path, cultivation=False)
    for day in (D(2015, 2, 1), D(2015, 8, 1), D(2016, 2, 1), D(2016, 8, 1), D(2017, 2, 1)):
        services.add_cultivation_record(
            recruit=recruit, kind=enums.CultivationKind.ASSESSMENT, date=day
        )

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.CANDIDATE_CHOSEN, date=D(2017, 8, 1))

    assert error.value.messages == [
        "An activist hands in a thought report every quarter (none for 12 quarters, the first "
        "2014-08-01 – 2014-11-01). Record a justified exception to go ahead."
    ]


def test_candidacy_without_reports_or_assessments_names_both_rules_when_excepted(
    path: RecruitmentPath,
) -> None:
    recruit = _activist_for_candidacy(path, cultivation=False)

    step = path.record(
        recruit,
        Step.CANDIDATE_CHOSEN,
        date=D(2015, 8, 1),
        exception_reason="思想汇报与考察记录遗失，已补写说明",
    )

    assert step.exception_rule == (
        "A thought report every quarter; An assessment by the branch every half year"
    )


def test_a_branch_that_does_not_require_reports_accepts_candidacy_without_them(
    path: RecruitmentPath,
) -> None:
    Branch.objects.filter(school=path.school).update(
        require_thought_reports=False, require_half_yearly_assessment=False
    )
    recruit = _activist_for_candidacy(path, cultivation=False)

    step = path.record(recruit, Step.CANDIDATE_CHOSEN, date=D(2015, 8, 1))

    assert step.exception_rule == ""


# --- Step 9: two full members as sponsors (hard) ---------------------------------------------------
def test_two_full_members_become_the_sponsors(path: RecruitmentPath) -> None:
    recruit = path.at(8)

    path.record(recruit, Step.SPONSORS_CHOSEN, actors=path.sponsors)

    assert set(recruit.sponsors.all()) == set(path.sponsors)


def test_a_probationary_member_cannot_sponsor(path: RecruitmentPath, school: School) -> None:
    recruit = path.at(8)
    probationary = MemberFactory(
        school=school, name="赵六", status=MemberStatus.PROBATIONARY, full_on=None
    )

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.SPONSORS_CHOSEN, actors=[path.sponsors[0], probationary])

    assert error.value.messages == [
        "Sponsors are full members not under party probation (赵六: a probationary member)."
    ]


def test_a_member_under_party_probation_cannot_sponsor(
    path: RecruitmentPath, school: School
) -> None:
    recruit = path.at(8)
    on_probation = MemberFactory(school=school, name="孙七", on_party_probation=True)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.SPONSORS_CHOSEN, actors=[path.sponsors[0], on_probation])

    assert error.value.messages == [
        "Sponsors are full members not under party probation (孙七: under party probation)."
    ]


@pytest.mark.parametrize("how_many", [1, 3])
def test_a_candidate_has_exactly_two_sponsors(
    path: RecruitmentPath, school: School, how_many: int
) -> None:
    recruit = path.at(8)
    sponsors = [*path.sponsors, MemberFactory(school=school)][:how_many]

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.SPONSORS_CHOSEN, actors=sponsors)

    assert error.value.messages == [
        f"Exactly 2 full members sponsor the candidate ({how_many} given)."
    ]
    assert recruit.sponsors.count() == 0


# --- Step 11: concentrated training (2014 rules; hard) -------------------------------------------
@pytest.mark.parametrize(
    ("days", "hours", "accepted"),
    [
        (Decimal("2.5"), 23, False),
        (Decimal(3), None, True),
        (None, 24, True),
        (Decimal("2.5"), 24, True),
    ],
)
def test_training_lasts_three_days_or_24_class_hours(
    path: RecruitmentPath, days: Decimal | None, hours: int | None, accepted: bool
) -> None:
    recruit = path.at(10)

    if accepted:
        step = path.record(recruit, Step.TRAINING, training_days=days, training_hours=hours)
        assert step.ruleset == "2014"
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.TRAINING, training_days=days, training_hours=hours)
        assert error.value.messages == [
            "Concentrated training lasts at least 3 days or 24 class hours (2.5 days and 23 "
            "hours recorded)."
        ]


@pytest.mark.parametrize(("day", "accepted"), [(D(2014, 6, 9), True), (D(2014, 6, 10), False)])
def test_one_day_of_training_is_enough_only_under_the_1990_rules(
    path: RecruitmentPath, day: dt.date, accepted: bool
) -> None:
    recruit = path.at(10, applied_on=D(2012, 9, 1))

    if accepted:
        step = path.record(recruit, Step.TRAINING, date=day, training_days=Decimal(1))
        assert step.ruleset == "1990"
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.TRAINING, date=day, training_days=Decimal(1))
        assert error.value.code == "training"


# --- Steps 15 and 23: the branch general meeting (hard) --------------------------------------------
@pytest.mark.parametrize(("attended", "accepted"), [(5, False), (6, True)])
def test_a_meeting_needs_more_than_half_of_those_entitled_to_vote(
    path: RecruitmentPath, attended: int, accepted: bool
) -> None:
    recruit = path.at(14)
    votes = {"entitled_to_vote": 10, "attended": attended, "yes_votes": attended}

    if accepted:
        assert path.record(recruit, Step.BRANCH_VOTE, **votes).attended == attended
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.BRANCH_VOTE, **votes)
        assert error.value.messages == [
            "The meeting had no quorum: more than half of the 10 full members entitled to vote "
            "must be present (5 were)."
        ]


def test_the_number_entitled_to_vote_is_the_register_s_on_the_day(path: RecruitmentPath) -> None:
    recruit = path.at(14)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.BRANCH_VOTE, entitled_to_vote=3, attended=3, yes_votes=3)

    assert codes(error) == ["quorum"]
    assert "lists 10 full members" in error.value.messages[0]


def test_exactly_half_of_the_yes_votes_written_ones_included_does_not_pass(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(14)
    votes = {"entitled_to_vote": 10, "attended": 8, "yes_votes": 4, "written_yes_votes": 1}

    step = path.record(recruit, Step.BRANCH_VOTE, no_votes=4, **votes)

    recruit.refresh_from_db()
    event = recruit.events.get()
    assert (event.kind, event.date) == (RecruitEventKind.VOTE_FAILED, step.date)
    assert recruit.stage == Stage.CANDIDATE


def test_one_yes_vote_more_than_half_counting_written_ones_passes(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(14)
    votes = {"entitled_to_vote": 10, "attended": 8, "yes_votes": 5, "written_yes_votes": 1}

    path.record(recruit, Step.BRANCH_VOTE, no_votes=3, **votes)

    assert recruit.events.count() == 0
    assert path.record(recruit, Step.HIGHER_TALK).step == Step.HIGHER_TALK


def test_more_votes_than_members_present_are_refused(path: RecruitmentPath) -> None:
    recruit = path.at(14)

    with pytest.raises(DomainError) as error:
        path.record(
            recruit,
            Step.BRANCH_VOTE,
            entitled_to_vote=10,
            attended=6,
            yes_votes=5,
            no_votes=1,
            abstentions=1,
        )

    assert error.value.messages == [
        "Yes and no votes and abstentions (7) may not exceed the members present (6)."
    ]


def test_a_vote_without_its_counts_is_refused(path: RecruitmentPath) -> None:
    recruit = path.at(14)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.BRANCH_VOTE, entitled_to_vote=None, attended=None)

    assert error.value.code == "vote_record"


def test_after_a_failed_vote_only_a_new_vote_may_follow(path: RecruitmentPath) -> None:
    recruit = path.at(14)
    path.record(recruit, Step.BRANCH_VOTE, entitled_to_vote=10, attended=8, yes_votes=5)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.HIGHER_TALK)

    assert error.value.messages == [
        "Steps are recorded in order: the next step is 15, not 16.",
    ]


def test_a_new_vote_within_six_months_of_a_failed_one_is_refused(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(14)
    path.record(
        recruit, Step.BRANCH_VOTE, date=D(2016, 1, 8), entitled_to_vote=10, attended=8, yes_votes=5
    )

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.BRANCH_VOTE, date=D(2016, 7, 7))

    assert error.value.messages == [
        "A candidate whose vote failed is voted on again after 6 months (failed on 2016-01-08; "
        "earliest 2016-07-08). Record a justified exception to go ahead."
    ]


def test_a_failed_vote_then_a_new_vote_after_six_months_passes(path: RecruitmentPath) -> None:
    recruit = path.at(14)
    path.record(
        recruit, Step.BRANCH_VOTE, date=D(2016, 1, 8), entitled_to_vote=10, attended=8, yes_votes=5
    )

    path.record(recruit, Step.BRANCH_VOTE, date=D(2016, 7, 8))
    path.record(recruit, Step.HIGHER_TALK, date=D(2016, 7, 20))
    path.record(recruit, Step.APPROVAL, date=D(2016, 9, 1))

    recruit.refresh_from_db()
    assert recruit.member is not None
    assert (recruit.stage, recruit.member.joined_on) == (Stage.PROBATIONARY, D(2016, 7, 8))
    assert list(recruit.events.values_list("kind", flat=True)) == [RecruitEventKind.VOTE_FAILED]


# --- Step 17: approval and admission -------------------------------------------------------------
def test_approval_three_months_after_the_resolution_admits_a_probationary_member(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(16, staff=StaffFactory(school=path.school), birth_date=D(1990, 2, 3))

    path.record(recruit, Step.APPROVAL, date=D(2016, 4, 8))

    recruit.refresh_from_db()
    member = recruit.member
    assert member is not None
    assert (recruit.stage, member.status) == (Stage.PROBATIONARY, MemberStatus.PROBATIONARY)
    assert (member.name, member.gender, member.birth_date, member.staff, member.school) == (
        "李明",
        "female",
        D(1990, 2, 3),
        recruit.staff,
        path.school,
    )
    assert (member.joined_on, member.probation_ends_on) == (D(2016, 1, 8), D(2017, 1, 8))
    assert list(member.events.values_list("kind", "date")) == [
        (enums.MembershipEventKind.ADMITTED, D(2016, 4, 8))
    ]


def test_approval_three_months_and_a_day_after_the_resolution_is_refused(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(16)

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.APPROVAL, date=D(2016, 4, 9))

    assert error.value.messages == [
        "The higher committee approves within 3 months of the branch resolution, or 6 months "
        "in special circumstances (resolution on 2016-01-08; due by 2016-04-08). Record a "
        "justified exception to go ahead."
    ]


@pytest.mark.parametrize(("day", "accepted"), [(D(2016, 7, 8), True), (D(2016, 7, 9), False)])
def test_special_circumstances_allow_approval_up_to_six_months(
    path: RecruitmentPath, day: dt.date, accepted: bool
) -> None:
    recruit = path.at(16)
    special = "上级党委换届，暂停审批"

    if accepted:
        step = path.record(recruit, Step.APPROVAL, date=day, special_circumstances=special)
        assert step.exception_rule == ""
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.APPROVAL, date=day, special_circumstances=special)
        assert error.value.code == "approval_outer_limit"


def test_no_exception_makes_an_approval_past_six_months_lawful(path: RecruitmentPath) -> None:
    recruit = path.at(16)
    before = counts()

    with pytest.raises(DomainError) as error:
        path.record(
            recruit,
            Step.APPROVAL,
            date=D(2016, 8, 8),
            exception_reason="上级党委换届",
        )

    assert codes(error) == ["approval_outer_limit"]
    assert "no exception applies" in error.value.messages[0]
    assert counts() == before


def test_a_refused_approval_writes_nothing(path: RecruitmentPath) -> None:
    recruit = path.at(16)
    before = counts()

    with pytest.raises(DomainError):
        path.record(recruit, Step.APPROVAL, date=D(2016, 4, 9))

    recruit.refresh_from_db()
    assert counts() == before
    assert (recruit.stage, recruit.member) == (Stage.CANDIDATE, None)


def test_a_refused_sponsors_step_writes_nothing(path: RecruitmentPath, school: School) -> None:
    recruit = path.at(8)
    before = counts()

    with pytest.raises(DomainError):
        path.record(recruit, Step.SPONSORS_CHOSEN, actors=path.sponsors[:1])

    assert counts() == before
    assert recruit.sponsors.count() == 0


# --- Steps 23 and 24: conversion -----------------------------------------------------------------
@pytest.mark.parametrize(("day", "accepted"), [(D(2017, 1, 7), False), (D(2017, 1, 8), True)])
def test_the_conversion_vote_is_held_when_probation_is_over(
    path: RecruitmentPath, day: dt.date, accepted: bool
) -> None:
    recruit = path.at(22)

    if accepted:
        assert path.record(recruit, Step.CONVERSION_VOTE, date=day).date == day
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.CONVERSION_VOTE, date=day, exception_reason="提前")
        assert error.value.messages == [
            "The conversion vote is held when probation is over (probation ends on 2017-01-08)."
        ]


def test_a_failed_conversion_vote_leaves_the_member_probationary(path: RecruitmentPath) -> None:
    recruit = path.at(22)

    path.record(recruit, Step.CONVERSION_VOTE, entitled_to_vote=10, attended=8, yes_votes=5)

    recruit.refresh_from_db()
    assert recruit.member is not None
    assert (recruit.stage, recruit.member.status) == (Stage.PROBATIONARY, MemberStatus.PROBATIONARY)
    assert recruit.events.get().kind == RecruitEventKind.VOTE_FAILED


@pytest.mark.parametrize(("day", "accepted"), [(D(2017, 4, 9), True), (D(2017, 4, 10), False)])
def test_conversion_is_approved_within_three_months_of_the_vote(
    path: RecruitmentPath, day: dt.date, accepted: bool
) -> None:
    recruit = path.at(23)  # the conversion vote on 2017-01-09

    if accepted:
        path.record(recruit, Step.CONVERSION_APPROVAL, date=day)
        recruit.refresh_from_db()
        assert recruit.stage == Stage.FULL
    else:
        with pytest.raises(DomainError) as error:
            path.record(recruit, Step.CONVERSION_APPROVAL, date=day)
        assert error.value.code == "conversion_approval_time_limit"


# --- The whole path --------------------------------------------------------------------------------
def test_the_whole_path_under_the_2014_rules_ends_with_a_full_member(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(25)

    recruit.refresh_from_db()
    member = recruit.member
    assert member is not None
    assert (recruit.status, recruit.stage) == (RecruitStatus.COMPLETED, Stage.FULL)
    assert (member.status, member.joined_on, member.full_on) == (
        MemberStatus.FULL,
        D(2016, 1, 8),
        D(2017, 1, 8),
    )
    assert list(member.events.order_by("date").values_list("kind", "date")) == [
        (enums.MembershipEventKind.ADMITTED, D(2016, 3, 1)),
        (enums.MembershipEventKind.CONVERTED, D(2017, 2, 20)),
    ]
    assert recruit.steps.count() == 25
    assert set(recruit.steps.values_list("ruleset", flat=True)) == {"2014"}


def test_the_whole_path_under_the_1990_rules_may_skip_the_filing_steps(
    path: RecruitmentPath,
) -> None:
    recruit = path.advance(path.apply(applied_on=START_1990), 25, skip=(4, 8, 13, 18))

    recruit.refresh_from_db()
    assert (recruit.status, recruit.stage) == (RecruitStatus.COMPLETED, Stage.FULL)
    assert list(recruit.steps.values_list("step", flat=True)) == [
        n for n in range(1, 26) if n not in (4, 8, 13, 18)
    ]
    assert set(recruit.steps.values_list("ruleset", flat=True)) == {"1990"}


def test_nothing_is_recorded_after_the_papers_are_filed(path: RecruitmentPath) -> None:
    recruit = path.at(25)

    with pytest.raises(DomainError) as error:
        services.record_step(recruit=recruit, step=25, date=D(2017, 5, 1))

    assert error.value.code == "not_active"


# --- Probation extended --------------------------------------------------------------------------
@pytest.mark.parametrize(("months", "accepted"), [(5, False), (6, True), (12, True), (13, False)])
def test_probation_is_extended_by_six_to_twelve_months_under_the_2014_rules(
    path: RecruitmentPath, months: int, accepted: bool
) -> None:
    recruit = path.at(22)

    if accepted:
        event = services.extend_probation(
            recruit=recruit, date=D(2017, 1, 9), months=months, reason="尚未达到党员条件"
        )
        assert recruit.member is not None
        assert (event.kind, event.months) == (RecruitEventKind.PROBATION_EXTENDED, months)
        assert recruit.member.probation_ends_on == add_months(D(2017, 1, 8), months)
        assert recruit.member.events.filter(
            kind=enums.MembershipEventKind.PROBATION_EXTENDED
        ).exists()
    else:
        with pytest.raises(DomainError) as error:
            services.extend_probation(
                recruit=recruit, date=D(2017, 1, 9), months=months, reason="尚未达到党员条件"
            )
        assert error.value.messages == [
            f"Probation is extended by 6 to 12 months under the 2014 rules ({months} asked)."
        ]


def test_probation_is_extended_only_once(path: RecruitmentPath) -> None:
    recruit = path.at(22)
    services.extend_probation(recruit=recruit, date=D(2017, 1, 9), months=6, reason="延长考察")

    with pytest.raises(DomainError) as error:
        services.extend_probation(recruit=recruit, date=D(2017, 2, 9), months=6, reason="再延长")

    assert error.value.messages == ["Probation is extended only once (extended on 2017-01-09)."]
    assert recruit.member is not None
    assert recruit.member.probation_ends_on == D(2017, 7, 8)


def test_one_month_extension_is_allowed_under_the_1990_rules(path: RecruitmentPath) -> None:
    recruit = path.at(22, applied_on=START_1990)

    services.extend_probation(recruit=recruit, date=D(2014, 1, 2), months=1, reason="延长考察")

    assert recruit.member is not None
    assert recruit.member.probation_ends_on == D(2014, 2, 8)


def test_after_an_extension_the_conversion_vote_waits_for_the_new_end(
    path: RecruitmentPath,
) -> None:
    recruit = path.at(22)
    services.extend_probation(recruit=recruit, date=D(2017, 1, 9), months=6, reason="延长考察")

    with pytest.raises(DomainError) as error:
        path.record(recruit, Step.CONVERSION_VOTE, date=D(2017, 7, 7))

    assert error.value.code == "probation_not_over"
    assert path.record(recruit, Step.CONVERSION_VOTE, date=D(2017, 7, 8)).step == 23


def test_only_a_probationary_members_probation_is_extended(path: RecruitmentPath) -> None:
    recruit = path.at(14)

    with pytest.raises(DomainError) as error:
        services.extend_probation(recruit=recruit, date=D(2016, 1, 1), months=6, reason="延长")

    assert error.value.messages == ["Probation is extended only for a probationary member."]


def test_an_extension_needs_a_reason(path: RecruitmentPath) -> None:
    recruit = path.at(22)

    with pytest.raises(DomainError) as error:
        services.extend_probation(recruit=recruit, date=D(2017, 1, 9), months=6, reason=" ")

    assert error.value.messages == ["A reason is required."]
    assert RecruitEvent.objects.count() == 0


# --- Public notice -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "end", "accepted"),
    [
        (D(2015, 12, 14), D(2015, 12, 18), True),  # Monday to Friday
        (D(2015, 12, 14), D(2015, 12, 17), False),  # Monday to Thursday
        (D(2015, 12, 17), D(2015, 12, 23), True),  # Thursday to Wednesday, over a weekend
        (D(2015, 12, 17), D(2015, 12, 22), False),
    ],
)
def test_a_public_notice_lasts_five_working_days_under_the_2014_rules(
    path: RecruitmentPath, start: dt.date, end: dt.date, accepted: bool
) -> None:
    recruit = path.at(14)

    if accepted:
        event = services.record_public_notice(recruit=recruit, start=start, end=end)
        assert (event.kind, event.date, event.end_date) == (
            RecruitEventKind.PUBLIC_NOTICE,
            start,
            end,
        )
    else:
        with pytest.raises(DomainError) as error:
            services.record_public_notice(recruit=recruit, start=start, end=end)
        assert error.value.code == "public_notice"


def test_a_short_public_notice_is_fine_under_the_1990_rules(path: RecruitmentPath) -> None:
    recruit = path.at(14, applied_on=START_1990)

    event = services.record_public_notice(recruit=recruit, start=D(2013, 1, 1), end=D(2013, 1, 2))

    assert event.kind == RecruitEventKind.PUBLIC_NOTICE


def test_a_public_notice_ends_after_it_starts(path: RecruitmentPath) -> None:
    recruit = path.at(14)

    with pytest.raises(DomainError) as error:
        services.record_public_notice(recruit=recruit, start=D(2015, 12, 14), end=D(2015, 12, 14))

    assert error.value.messages == [
        "A public notice ends after it starts (2015-12-14 to 2015-12-14)."
    ]


# --- Revocation, withdrawal, cultivation records ---------------------------------------------------
def test_revoking_a_probationary_member_revokes_the_member_record(path: RecruitmentPath) -> None:
    recruit = path.at(20)

    event = services.revoke_candidacy(recruit=recruit, date=D(2016, 5, 1), reason="违反纪律")

    recruit.refresh_from_db()
    assert recruit.member is not None
    assert (event.kind, recruit.status) == (RecruitEventKind.REVOKED, RecruitStatus.REVOKED)
    assert recruit.member.status == MemberStatus.REVOKED
    assert recruit.member.events.filter(kind=enums.MembershipEventKind.REVOKED).count() == 1


def test_revoking_an_activist_leaves_no_member_record(path: RecruitmentPath) -> None:
    recruit = path.at(5)

    services.revoke_candidacy(recruit=recruit, date=D(2014, 12, 1), reason="不符合条件")

    recruit.refresh_from_db()
    assert (recruit.status, Member.objects.filter(name="李明").count()) == (
        RecruitStatus.REVOKED,
        0,
    )


def test_a_full_members_candidacy_is_not_revoked(path: RecruitmentPath) -> None:
    recruit = path.at(24)

    with pytest.raises(DomainError) as error:
        services.revoke_candidacy(recruit=recruit, date=D(2017, 3, 1), reason="误操作")

    assert error.value.code == "revocation"


def test_an_applicant_withdraws(path: RecruitmentPath) -> None:
    recruit = path.at(2)

    event = services.withdraw(recruit=recruit, date=D(2014, 10, 1), reason="本人申请")

    recruit.refresh_from_db()
    assert (event.kind, recruit.status) == (RecruitEventKind.WITHDRAWN, RecruitStatus.WITHDRAWN)


def test_a_probationary_member_does_not_withdraw(path: RecruitmentPath) -> None:
    recruit = path.at(17)

    with pytest.raises(DomainError) as error:
        services.withdraw(recruit=recruit, date=D(2016, 4, 1), reason="本人申请")

    assert error.value.code == "withdrawal"
    assert recruit.status == RecruitStatus.ACTIVE


def test_a_withdrawal_dated_before_the_last_step_is_refused(path: RecruitmentPath) -> None:
    recruit = path.at(2)

    with pytest.raises(DomainError) as error:
        services.withdraw(recruit=recruit, date=D(2014, 9, 10), reason="本人申请")

    assert error.value.code == "date_order"


def test_a_cultivation_record_is_kept(path: RecruitmentPath) -> None:
    recruit = path.at(3)

    record = services.add_cultivation_record(
        recruit=recruit,
        kind=enums.CultivationKind.THOUGHT_REPORT,
        date=D(2014, 12, 1),
        summary="学习党章体会",
    )

    assert (record.school, record.summary) == (path.school, "学习党章体会")


def test_a_cultivation_record_before_the_application_is_refused(path: RecruitmentPath) -> None:
    recruit = path.apply(applied_on=D(2014, 9, 1))

    with pytest.raises(DomainError) as error:
        services.add_cultivation_record(
            recruit=recruit, kind=enums.CultivationKind.THOUGHT_REPORT, date=D(2014, 8, 1)
        )

    assert error.value.code == "date_order"
