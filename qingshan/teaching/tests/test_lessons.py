"""Lesson events filed as honours: only a prized lesson of county level or higher, once."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.core.errors import DomainError
from qingshan.honours.models import Commendation
from qingshan.teaching.services.lessons import file_as_honour
from qingshan.teaching.tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_prized_county_lesson_is_filed_as_a_commendation_of_its_teacher(
    school: Any, settings: Any
) -> None:
    settings.LANGUAGE_CODE = "zh-hans"  # the title is written in the school's language
    lesson = f.lesson(school, level="county", kind="competition", prize="一等奖")

    commendation = file_as_honour(lesson=lesson)

    lesson.refresh_from_db()
    assert lesson.commendation == commendation
    assert (commendation.title, commendation.level, commendation.staff) == (
        "县级竞赛课一等奖",
        "county",
        lesson.teacher,
    )
    assert (commendation.issuer, commendation.awarded_on) == (lesson.organiser, lesson.held_on)
    assert not lesson.may_be_filed


def test_a_lesson_of_the_province_keeps_its_level(school: Any, settings: Any) -> None:
    settings.LANGUAGE_CODE = "zh-hans"
    commendation = file_as_honour(lesson=f.lesson(school, level="province", kind="open"))

    assert (commendation.level, commendation.title) == ("province", "省级公开课一等奖")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"level": "school"}, "county level or higher"),
        ({"prize": ""}, "won a prize"),
    ],
)
def test_a_school_level_or_unprized_lesson_is_refused(
    school: Any, values: dict[str, str], message: str
) -> None:
    lesson = f.lesson(school, **values)

    with pytest.raises(DomainError, match=message):
        file_as_honour(lesson=lesson)

    lesson.refresh_from_db()
    assert lesson.commendation is None
    assert not Commendation.objects.exists()


def test_a_lesson_is_filed_once(school: Any) -> None:
    lesson = f.lesson(school, kind="demonstration", level="city", prize="二等奖")
    first = file_as_honour(lesson=lesson)

    with pytest.raises(DomainError, match="already"):
        file_as_honour(lesson=lesson)

    assert Commendation.objects.count() == 1
    assert first.title == "city demonstration lesson (示范课), 二等奖"


def test_the_page_offers_filing_to_managers_then_links_to_the_honour(
    school: Any, client_for: Any
) -> None:
    lesson = f.lesson(school)
    head = client_for(Role.DEPARTMENT_HEAD, school)
    page = reverse("teaching:lesson_detail", args=[lesson.pk])
    action = reverse("teaching:lesson_file", args=[lesson.pk])

    offered = head.get(page).content.decode()
    refused = client_for(Role.TEACHER, school).post(action)
    teacher_page = client_for(Role.TEACHER, school).get(page).content.decode()
    filed = head.post(action)
    twice = head.post(action, follow=True).content.decode()
    after = head.get(page).content.decode()

    assert 'id="form-lesson-file"' in offered and 'id="form-lesson-file"' not in teacher_page
    assert (refused.status_code, filed.status_code) == (403, 302)
    assert "filed as an honour already" in twice
    commendation = Commendation.objects.get()
    assert 'id="form-lesson-file"' not in after
    assert commendation.get_absolute_url() in after


def test_a_school_level_lesson_shows_no_button(school: Any, client_for: Any) -> None:
    lesson = f.lesson(school, level="school")

    page = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("teaching:lesson_detail", args=[lesson.pk])
    )

    assert 'id="form-lesson-file"' not in page.content.decode()
