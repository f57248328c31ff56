"""Reads of the campaign pages and the rater's pages: scoped to one school (or to the rater's own
tokens), with the filters the pages rely on."""

from __future__ import annotations

import uuid
from typing import Any

from qingshan.evaluations.enums import CampaignStatus, ReviewStatus, TargetKind
from qingshan.evaluations.models import Campaign, RatingDue, Target, TextAnswer
from qingshan.evaluations.selectors import campaigns as selectors
from qingshan.evaluations.selectors import rating
from qingshan.evaluations.services.keys import issue_keys
from tests import factories
from tests.party_factories import MemberFactory


def test_a_schools_campaigns_and_targets_leave_out_another_schools(
    school: Any, other_school: Any, make_rated: Any
) -> None:
    ours = make_rated(school)
    theirs = make_rated(other_school)

    assert list(selectors.campaigns(school)) == [ours.campaign]
    assert set(selectors.targets(school)) == set(Target.objects.filter(campaign=ours.campaign))
    assert theirs.instrument not in selectors.instruments(school)
    assert not selectors.questions(school).filter(instrument=theirs.instrument).exists()


def test_an_instrument_is_in_use_once_a_campaign_is_past_its_draft(
    school: Any, make_rated: Any
) -> None:
    rated = make_rated(school)
    assert selectors.instrument_in_use(rated.instrument) is True

    Campaign.objects.filter(pk=rated.campaign.pk).update(status=CampaignStatus.DRAFT)

    assert selectors.instrument_in_use(rated.instrument) is False


def test_participation_counts_tokens_that_have_rated(school: Any, make_rated: Any) -> None:
    rated = make_rated(school, teachers=2, students=3)
    rated.rate(0, teacher=0)
    rated.rate(0, teacher=1)
    rated.rate(1, teacher=0)

    rows = list(selectors.participation_by_class(rated.campaign))
    waiting = {
        token.student_id: (token.owed, token.given)
        for token in selectors.waiting_raters(rated.campaign)
    }

    assert [(row["rater_kind"], row["invited"], row["responded"]) for row in rows] == [
        ("student", 3, 2)
    ]
    assert selectors.participation_by_kind(rated.campaign) == [
        {"rater_kind": "student", "invited": 3, "responded": 2}
    ]
    assert waiting == {rated.students[1].pk: (1, 1), rated.students[2].pk: (2, 0)}


def test_slips_are_grouped_by_class_and_a_group_that_is_no_class_is_empty(
    school: Any, make_rated: Any
) -> None:
    rated = make_rated(school, students=2)
    campaign = rated.campaign

    groups = list(selectors.token_groups(campaign))

    assert groups == [
        {
            "school_class": rated.school_class.pk,
            "school_class__name": rated.school_class.name,
            "n": 2,
        }
    ]
    assert selectors.tokens_of_group(campaign, str(rated.school_class.pk)).count() == 2
    assert selectors.tokens_of_group(campaign, "none").count() == 0
    assert selectors.tokens_of_group(campaign, "1 OR 1=1").count() == 0


def test_answers_to_review_are_found_by_key_within_the_campaign_only(
    school: Any, make_rated: Any
) -> None:
    first = make_rated(school, name="第一次")
    second = make_rated(school, name="第二次")
    first.rate(0, text="讲得好")
    second.rate(0, text="很耐心")
    first.close()
    second.close()
    ours = TextAnswer.objects.get(target__campaign=first.campaign)
    theirs = TextAnswer.objects.get(target__campaign=second.campaign)

    found = selectors.answers_by_key(
        first.campaign, [str(ours.pk), str(theirs.pk), "not-a-key", str(uuid.uuid4())]
    )

    assert list(found) == [ours]
    assert selectors.pending_review_count(first.campaign) == 1
    assert list(selectors.answers_to_review(first.campaign)) == [ours]
    ours.review = ReviewStatus.PUBLIC
    ours.save()
    assert selectors.pending_review_count(first.campaign) == 0


def test_my_results_are_the_published_targets_that_are_me(
    school: Any, other_school: Any, make_rated: Any
) -> None:
    user = factories.UserFactory()
    rated = make_rated(school, teachers=2)
    rated.teachers[0].user = user
    rated.teachers[0].save()
    rated.publish()
    as_member = Target.objects.create(
        school=school,
        campaign=rated.campaign,
        kind=TargetKind.PARTY_MEMBER,
        member=MemberFactory(school=school, staff=rated.teachers[0]),
        label="党员",
    )
    unpublished = make_rated(school, teachers=[rated.teachers[0]], name="未公布")

    mine = selectors.published_targets_of_user(school, user)

    assert set(mine) == {rated.target(0), as_member}
    assert unpublished.target(0) not in mine
    assert selectors.published_targets_of_user(other_school, user) == []


def test_a_rater_reaches_only_the_dues_of_their_own_tokens(school: Any, make_rated: Any) -> None:
    rated = make_rated(school, teachers=2, students=2)
    mine, theirs = rated.campaign.tokens.order_by("pk")
    rated.rate(0, teacher=0)

    dues = rating.dues_to_list([mine.pk])
    given = dues[-1]

    assert {due.token_id for due in dues} == {mine.pk}
    assert [due.done for due in dues] == [False, True]
    assert rating.given_due([mine.pk], given.pk) == given
    assert rating.given_due([theirs.pk], given.pk) is None
    assert rating.given_due([mine.pk], dues[0].pk) is None  # owed, not given
    assert rating.owed_count(given) == 1
    assert RatingDue.objects.filter(token=theirs).count() == 2


def test_an_unknown_or_malformed_key_finds_no_token(school: Any, make_rated: Any) -> None:
    token = make_rated(school).campaign.tokens.first()
    key = issue_keys(tokens=[token])[0].key

    assert rating.token_for_key(key) == token
    assert rating.token_for_key("") is None
    assert rating.token_for_key("x" * 41) is None
    assert rating.token_for_key("no-such-key") is None


def _fields(instance: Any) -> dict[str, Any]:
    return {
        field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields
    }


def test_a_due_to_rate_is_read_with_its_target_campaign_and_instrument_in_one_query(
    school: Any, make_rated: Any, django_assert_num_queries: Any
) -> None:
    rated = make_rated(school, teachers=2, students=2)
    mine, theirs = rated.campaign.tokens.order_by("pk")
    due = RatingDue.objects.filter(token=mine).order_by("pk").first()
    assert due is not None
    expected = RatingDue.objects.select_related("target__campaign__instrument").get(pk=due.pk)

    with django_assert_num_queries(1):
        found = rating.due_to_rate([theirs.pk, mine.pk], due.pk)
        assert found is not None
        chain = [found, found.target, found.target.campaign, found.target.campaign.instrument]

    assert found == due
    # Every field as the ORM reads it (SQLite hands datetimes, booleans, decimals and JSON over
    # as text and numbers; the converters must have run).
    assert [_fields(item) for item in chain] == [
        _fields(item)
        for item in (
            expected,
            expected.target,
            expected.target.campaign,
            expected.target.campaign.instrument,
        )
    ]
    assert found.target.campaign.is_open_now and found.done is False
    assert not found._state.adding and found._state.db == "default"


def test_a_due_to_rate_is_found_only_through_the_raters_own_tokens(
    school: Any, make_rated: Any
) -> None:
    rated = make_rated(school, teachers=1, students=2)
    mine, theirs = rated.campaign.tokens.order_by("pk")
    due = RatingDue.objects.get(token=mine)

    assert rating.due_to_rate([theirs.pk], due.pk) is None
    assert rating.due_to_rate([], due.pk) is None
    assert rating.due_to_rate([mine.pk], 0) is None
    assert rating.due_to_rate([mine.pk], 2**63) is None  # beyond any id: no query, no error
