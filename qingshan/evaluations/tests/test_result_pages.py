"""Result pages: who sees whose results, and that nothing hidden reaches a page."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership


def _teacher_client(school: Any, staff: Any, username: str) -> Client:
    user = create_user(username=username, password=None)
    grant_membership(user=user, role=Role.TEACHER, school=school)
    staff.user = user
    staff.save(update_fields=["user"])
    client = Client()
    client.force_login(user)
    return client


def test_the_rated_teacher_sees_own_published_results_and_a_colleague_does_not(
    school: Any, make_rated: Any
) -> None:
    rated = make_rated(school, teachers=2, students=5)
    rated.rate_many(0, [4, 4, 5, 3, 4])
    rated.close().publish()
    target = rated.target(0)
    own = _teacher_client(school, rated.teachers[0], "own")
    colleague = _teacher_client(school, rated.teachers[1], "colleague")

    mine = own.get(reverse("evaluations:target_result", args=[target.pk]))
    theirs = colleague.get(reverse("evaluations:target_result", args=[target.pk]))

    assert mine.status_code == 200
    assert 'id="scales"' in mine.content.decode()
    assert theirs.status_code == 403


def test_below_the_minimum_the_page_has_no_numbers(
    school: Any, make_rated: Any, client_for: Any
) -> None:
    rated = make_rated(school, teachers=1, students=5)
    rated.rate_many(0, [1, 1, 1, 1])
    rated.close()
    target = rated.target(0)

    page = (
        client_for(Role.SECRETARY, school)
        .get(reverse("evaluations:target_result", args=[target.pk]))
        .content.decode()
    )

    assert 'id="too-few"' in page
    assert 'id="scales"' not in page


def test_a_student_sees_no_results(school: Any, make_rated: Any, client_for: Any) -> None:
    rated = make_rated(school, teachers=1, students=5)
    rated.rate_many(0, [4, 4, 4, 4, 4])
    rated.close().publish()

    response = client_for(Role.STUDENT, school).get(
        reverse("evaluations:target_result", args=[rated.target(0).pk])
    )

    assert response.status_code == 403


def test_opening_a_persons_results_is_logged(school: Any, make_rated: Any, client_for: Any) -> None:
    from auditlog.models import LogEntry

    rated = make_rated(school, teachers=1, students=5)
    rated.rate_many(0, [4, 4, 4, 4, 4])
    rated.close()

    client_for(Role.SECRETARY, school).get(
        reverse("evaluations:target_result", args=[rated.target(0).pk])
    )

    assert (
        LogEntry.objects.filter(
            action=LogEntry.Action.ACCESS, object_pk=str(rated.target(0).pk)
        ).count()
        == 1
    )


def test_a_review_with_one_bad_choice_saves_none(
    school: Any, make_rated: Any, client_for: Any
) -> None:
    from qingshan.evaluations.models import TextAnswer

    rated = make_rated(school, teachers=1, students=5)
    for student in range(2):
        rated.rate(student, text=f"意见{student}")
    rated.close()
    first, second = TextAnswer.objects.order_by("id")[:2]

    client_for(Role.SECRETARY, school).post(
        reverse("evaluations:review", args=[rated.campaign.pk]),
        {f"review_{first.pk}": "public", f"review_{second.pk}": "bogus"},
    )

    assert sorted(TextAnswer.objects.values_list("review", flat=True)) == ["pending", "pending"]


def test_a_chosen_option_counts_on_the_teachers_results_page(
    school: Any, make_rated: Any, client_for: Any
) -> None:
    rated = make_rated(school, teachers=1, students=5)
    for student, choice in enumerate([1, 1, 3, None, 4]):
        rated.rate(student, choice=choice)
    rated.close()

    page = (
        client_for(Role.SECRETARY, school)
        .get(reverse("evaluations:target_result", args=[rated.target(0).pk]))
        .content.decode()
    )

    assert "<li>practical training: 2</li>" in page
    assert "<li>class discipline: 0</li>" in page
    assert "<li>feedback on homework: 1</li>" in page
    assert "4 raters answered this question." in page


def test_the_demo_ratings_count_the_options_chosen(school: Any, make_rated: Any) -> None:
    import random

    from qingshan.evaluations.demo import EvaluationDemo
    from qingshan.evaluations.selectors import results

    rated = make_rated(school, teachers=1, students=40)

    EvaluationDemo(school, random.Random(7)).rate(rated.campaign, response=1.0, means={})

    result = results.target_result(target=rated.target(0))
    (choice,) = result.choices
    assert result.raters == 40
    assert 0 < sum(choice.counts.values()) == choice.answered <= 40
    assert sum(1 for count in choice.counts.values() if count) >= 2


def test_the_results_page_charts_the_teachers_terms_against_the_school(
    school: Any, make_rated: Any, client_for: Any
) -> None:
    import json

    from tests import factories

    teacher = factories.StaffFactory(school=school, name="周老师")
    earlier = make_rated(school, teachers=[teacher], year=2012, name="2012秋评教")
    earlier.rate_many(0, [3, 3, 3, 3, 3])
    earlier.close()
    current = make_rated(school, teachers=[teacher], year=2013)
    current.rate_many(0, [4, 4, 4, 4, 4])
    current.close()

    page = (
        client_for(Role.SECRETARY, school)
        .get(reverse("evaluations:target_result", args=[current.target(0).pk]))
        .content.decode()
    )

    start = page.index('<script id="history-chart-data" type="application/json">')
    data = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert 'data-chart="history-chart-data"' in page and "echarts.min.js" in page
    assert [series["data"] for series in data["series"]] == [[3.0, 4.0], [3.0, 4.0]]
    assert data["series"][1]["name"] == "school average"
    assert len(data["xAxis"]["data"]) == 2


def test_the_rating_pages_show_what_each_teacher_teaches_the_raters_class(
    school: Any, make_rated: Any
) -> None:
    from qingshan.evaluations.models import RaterToken
    from qingshan.evaluations.services.keys import issue_keys
    from qingshan.organization.models import TeachingAssignment

    rated = make_rated(school, teachers=2, students=1)
    first = TeachingAssignment.objects.get(teacher=rated.teachers[0])
    TeachingAssignment.objects.filter(pk=first.pk).update(subject="数学")
    second = TeachingAssignment.objects.get(teacher=rated.teachers[1])
    TeachingAssignment.objects.filter(pk=second.pk).update(subject="机械制图")
    token = RaterToken.objects.get(campaign=rated.campaign)
    due = token.dues.get(target__staff=rated.teachers[0])
    client = Client()
    client.post(reverse("evaluations:exchange"), {"key": issue_keys(tokens=[token])[0].key})
    class_name = rated.school_class.name

    home = client.get(reverse("evaluations:rate_home")).content.decode()
    form = client.post(reverse("evaluations:rate"), {"due": due.pk}).content.decode()

    assert f"数学 · {class_name}" in home and f"机械制图 · {class_name}" in home
    assert f"Teaches your class: 数学 · {class_name}" in form
    assert "机械制图" not in form
