"""The search box: finds people, members, recruits, documents, trainees and classes of the user's
school among the records the user may read, and nothing else."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.core.search import MAX_QUERY, PER_KIND
from tests.factories import SchoolClassFactory, StaffFactory, StudentFactory
from tests.party_factories import MemberFactory

pytestmark = pytest.mark.django_db


def hits(response: Any) -> dict[str, list[str]]:
    return {
        str(group.kind): [hit.title for hit in group.hits] for group in response.context["groups"]
    }


def test_the_administrator_finds_staff_students_classes_and_members_by_name(
    school: Any, client_for: Any
) -> None:
    school_class = SchoolClassFactory(school=school, name="2013级青山班")
    StudentFactory(school=school, name="青山学生", school_class=school_class)
    StaffFactory(school=school, name="青山老师")
    MemberFactory(school=school, name="青山党员")

    found = hits(client_for(Role.SCHOOL_ADMIN, school).get(reverse("search"), {"q": "青山"}))

    assert found["Students"] == ["青山学生"]
    assert found["Staff"] == ["青山老师"]
    assert found["Classes"] == ["2013级青山班"]
    assert found["Party members"] == ["青山党员"]


def test_nothing_of_another_school_is_found(
    school: Any, other_school: Any, client_for: Any
) -> None:
    StaffFactory(school=other_school, name="别校老师")

    response = client_for(Role.SCHOOL_ADMIN, school).get(reverse("search"), {"q": "别校"})

    assert hits(response) == {}


def test_a_teacher_does_not_find_party_members(school: Any, client_for: Any) -> None:
    MemberFactory(school=school, name="青山党员")

    response = client_for(Role.TEACHER, school).get(reverse("search"), {"q": "青山党员"})

    assert "Party members" not in hits(response)


def test_a_student_finds_no_one(school: Any, client_for: Any) -> None:
    StaffFactory(school=school, name="青山老师")

    response = client_for(Role.STUDENT, school).get(reverse("search"), {"q": "青山"})

    assert hits(response) == {}


def test_a_query_is_trimmed_and_cut_to_its_longest(school: Any, client_for: Any) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)

    spaced = client.get(reverse("search"), {"q": "  青山   老师 "})
    long = client.get(reverse("search"), {"q": "青" * 500})

    assert spaced.context["query"] == "青山 老师"
    assert len(long.context["query"]) == MAX_QUERY and long.status_code == 200


def test_many_hits_link_to_the_full_list(school: Any, client_for: Any) -> None:
    for n in range(PER_KIND + 2):
        StaffFactory(school=school, name=f"青山{n}")

    response = client_for(Role.SCHOOL_ADMIN, school).get(reverse("search"), {"q": "青山"})

    staff = next(group for group in response.context["groups"] if str(group.kind) == "Staff")
    assert len(staff.hits) == PER_KIND and "q=" in staff.more_url


def queries_for(school: Any, client: Any, people: int) -> int:
    for n in range(people):
        StaffFactory(school=school, name=f"计数{people}-{n}")
    client.get(reverse("search"), {"q": "计数"})
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("search"), {"q": f"计数{people}"})
    return len(queries)


def test_the_search_reads_in_as_many_queries_for_three_hits_as_for_one(
    school: Any, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)

    assert queries_for(school, client, 1) == queries_for(school, client, 3)


def test_a_null_character_is_refused_with_a_message_and_searches_nothing(
    school: Any, client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get(reverse("search"), {"q": "x\x00y"})

    assert response.status_code == 400
    assert response.context["groups"] == [] and response.context["error"]
