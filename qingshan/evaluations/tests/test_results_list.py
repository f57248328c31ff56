"""The campaign's results list: ranked by mean score, filtered by department, main subject or
the bar, in the same number of queries whatever the number of rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.evaluations.selectors import results
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated(school: Any, make_rated: Any) -> Any:
    """Three teachers: 王 (机电, 数学) 4.0, 李 (机电, 语文) 2.0 below the bar, 张 (财会, 语文) 5.0."""
    mechanics = DepartmentFactory(school=school, name="机电部")
    finance = DepartmentFactory(school=school, name="财会部")
    teachers = [
        StaffFactory(school=school, name="王老师", department=mechanics, subject="数学"),
        StaffFactory(school=school, name="李老师", department=mechanics, subject="语文"),
        StaffFactory(school=school, name="张老师", department=finance, subject="语文"),
    ]
    made = make_rated(school, teachers=teachers, students=5)
    for teacher, score in enumerate([4, 2, 5]):
        made.rate_many(teacher, [score] * 5)
    return made.close()


def _page(client: Client, rated: Any, **query: Any) -> str:
    url = reverse("evaluations:results", args=[rated.campaign.pk])
    return client.get(url, query).content.decode()


def _names(page: str) -> list[str]:
    """The teachers in the results table, in its order."""
    table = page[page.index('id="results"') : page.index("</table>", page.index('id="results"'))]
    return sorted(
        (name for name in ("王老师", "李老师", "张老师") if name in table), key=table.index
    )


def test_ranked_by_score_the_highest_mean_comes_first_with_its_place(rated: Any) -> None:
    table = results.ranked_results(campaign=rated.campaign)

    rows = table.filtered(order=results.ORDER_BY_SCORE)

    assert [(row.result.target.label, row.rank) for row in rows] == [
        ("张老师", 1),
        ("王老师", 2),
        ("李老师", 3),
    ]


def test_equal_means_share_a_place_and_hidden_results_come_last(
    school: Any, make_rated: Any
) -> None:
    made = make_rated(school, teachers=3, students=5)
    made.rate_many(0, [4] * 5)
    made.rate_many(1, [4] * 5)
    made.rate_many(2, [5] * 4)  # four raters: below the minimum of five
    made.close()

    rows = results.ranked_results(campaign=made.campaign).filtered(order=results.ORDER_BY_SCORE)

    assert [row.rank for row in rows] == [1, 1, None]
    assert rows[-1].result.shown is False


def test_the_page_filters_by_department_subject_and_the_bar(rated: Any, client_for: Any) -> None:
    client = client_for(Role.SECRETARY, rated.campaign.school)
    mechanics = rated.teachers[0].department

    by_department = _names(_page(client, rated, department=mechanics.pk))
    by_subject = _names(_page(client, rated, subject="语文", order="score"))
    below = _names(_page(client, rated, below_bar="on"))

    assert by_department == ["李老师", "王老师"]
    assert by_subject == ["张老师", "李老师"]
    assert below == ["李老师"]


def test_the_page_shows_ranks_when_ranked(rated: Any, client_for: Any) -> None:
    page = _page(client_for(Role.SECRETARY, rated.campaign.school), rated, order="score")

    assert _names(page) == ["张老师", "王老师", "李老师"]
    assert '<td class="num">1</td>' in page


def test_an_unknown_department_is_said_and_the_whole_list_shown(
    rated: Any, client_for: Any
) -> None:
    response = client_for(Role.SECRETARY, rated.campaign.school).get(
        reverse("evaluations:results", args=[rated.campaign.pk]),
        {"department": "999999", "order": "loudest"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="filter-errors"' in page
    assert "Select a valid choice." in page
    assert _names(page) == ["张老师", "李老师", "王老师"]  # by name


def _queries(client: Client, rated: Any, **query: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("evaluations:results", args=[rated.campaign.pk]), query)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "query",
    [{}, {"order": "score"}, {"order": "score", "subject": "语文", "below_bar": "on"}],
)
def test_the_list_takes_as_many_queries_for_three_rows_as_for_one(
    school: Any, make_rated: Any, client_for: Any, query: dict[str, str]
) -> None:
    department = DepartmentFactory(school=school)
    client = client_for(Role.SECRETARY, school)
    one = make_rated(
        school, teachers=[StaffFactory(school=school, department=department)], name="一"
    )
    one.rate_many(0, [4] * 5)
    one.close()
    three = make_rated(
        school,
        teachers=[StaffFactory(school=school, department=department) for _n in range(3)],
        name="三",
        year=2014,
    )
    for teacher in range(3):
        three.rate_many(teacher, [2 + teacher] * 5)
    three.close()
    _queries(client, one, **query)

    assert _queries(client, one, **query) == _queries(client, three, **query)


def test_the_results_pages_offer_printing(rated: Any, client_for: Any) -> None:
    client = client_for(Role.SECRETARY, rated.campaign.school)

    listing = _page(client, rated)
    one = client.get(
        reverse("evaluations:target_result", args=[rated.target(0).pk])
    ).content.decode()

    assert "data-print" in listing and "data-print" in one
    assert 'class="filters" id="results-filter"' in listing  # hidden when printed
