"""Nothing of one school's work system is reachable from another school: pages, API, exports."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qingshan.accounts.services import create_api_token
from qingshan.workplans.tests.factories import work_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign(other_school: Any) -> dict[str, Any]:
    return work_records(other_school, mark="·外校")


def test_pages_of_another_schools_records_are_not_found(
    client_for: Any, school: Any, foreign: dict[str, Any]
) -> None:
    client = client_for("school_admin", school)
    urls = [
        reverse("workplans:plan_detail", args=[foreign["plan"].pk]),
        reverse("workplans:summary_export", args=[foreign["plan"].pk]),
        reverse("workplans:item_edit", args=[foreign["item"].pk]),
        reverse("workplans:decision_detail", args=[foreign["decision"].pk]),
        reverse("workplans:gridcell_detail", args=[foreign["gridcell"].pk]),
        reverse("workplans:leave_detail", args=[foreign["leave"].pk]),
        reverse("workplans:grid_changes", args=[foreign["term"].pk]),
        reverse("workplans:grid_copy", args=[foreign["term"].pk]),
    ]
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)


def test_lists_and_exports_show_only_the_schools_own_rows(
    client_for: Any, school: Any, foreign: dict[str, Any]
) -> None:
    work_records(school, mark="·本校")
    client = client_for("school_admin", school)
    pages = [
        client.get(reverse("workplans:month"), {"month": "2013-03"}),
        client.get(reverse("workplans:weekly"), {"month": "2013-03"}),
        client.get(reverse("workplans:supervision")),
        client.get(reverse("workplans:gridcell_list")),
        client.get(reverse("workplans:grid_roster", args=["xlsx"]), {"term": foreign["term"].pk}),
    ]
    texts = [page.content.decode("utf-8", "ignore") for page in pages[:4]]
    assert [("外校" in text) for text in texts] == [False] * 4
    assert pages[4].status_code == 404


def test_the_api_does_not_reach_another_school(
    client: Any, school: Any, user_with_role: Any, foreign: dict[str, Any]
) -> None:
    user = user_with_role("school_admin", school)
    _token, raw = create_api_token(user=user, name="iso")
    headers = {"Authorization": f"Bearer {raw}"}
    plans = client.get("/api/v1/workplans/plans/", headers=headers).json()
    responses = [
        client.get(f"/api/v1/workplans/plans/{foreign['plan'].pk}/", headers=headers),
        client.get(f"/api/v1/workplans/decisions/{foreign['decision'].pk}/", headers=headers),
        client.post(
            f"/api/v1/workplans/items/{foreign['item'].pk}/done/",
            {"done_on": "2013-03-05", "evidence": "x"},
            content_type="application/json",
            headers=headers,
        ),
        client.get("/api/v1/workplans/grid/check/", {"term": foreign["term"].pk}, headers=headers),
    ]
    assert plans == []
    assert [response.status_code for response in responses] == [404, 404, 404, 404]
