"""What giving a rating costs the server: the queries of one submission, and a rating form that
is not copied for each request."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from qingshan.evaluations.forms import rating_form_for
from qingshan.evaluations.models import RatingDue, SealedBallot
from qingshan.evaluations.services.keys import issue_keys


def test_a_submission_reads_its_due_once_and_writes_one_flip_and_one_ballot(
    school: Any, make_rated: Any, django_assert_num_queries: Any
) -> None:
    rated = make_rated(school, teachers=1, students=1)
    token = rated.campaign.tokens.get()
    due = RatingDue.objects.get(token=token)
    client = Client()
    client.post(reverse("evaluations:exchange"), {"key": issue_keys(tokens=[token])[0].key})
    answers = {question.field_name: "4" for question in rated.scales}
    rating_form_for(rated.instrument)  # built once per process, before the first rater comes

    with django_assert_num_queries(6) as captured:
        response = client.post(
            reverse("evaluations:submit"),
            {"due": due.pk, **answers, rated.text.field_name: "讲得清楚"},
        )

    assert response.status_code == 302
    # The due with its target, campaign and instrument; then, in one transaction (a savepoint
    # inside the test's), the flip of the due, the campaign's status under its lock, the ballot.
    statements = [query["sql"].split()[0] for query in captured.captured_queries]
    assert statements == ["SELECT", "SAVEPOINT", "UPDATE", "SELECT", "INSERT", "RELEASE"]
    assert (
        "FROM" in captured.captured_queries[0]["sql"]
        and "JOIN" in (captured.captured_queries[0]["sql"])
    )
    assert SealedBallot.objects.filter(campaign=rated.campaign).count() == 1


def test_rating_forms_share_their_fields_but_not_their_answers(
    school: Any, make_rated: Any
) -> None:
    rated = make_rated(school)
    form_class = rating_form_for(rated.instrument)
    complete = {question.field_name: "4" for question in rated.scales}
    missing = {**complete}
    missing.pop(rated.scales[0].field_name)

    first, second = form_class(complete), form_class(missing)

    assert all(first.fields[name] is field for name, field in form_class.base_fields.items())
    assert first.is_valid() and not second.is_valid()
    assert first.problems == [] and len(second.problems) == 1
    assert form_class(complete).is_valid()  # a refusal leaves nothing behind in the fields
