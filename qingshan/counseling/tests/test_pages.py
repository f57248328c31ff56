"""The counseling pages as their users meet them: a student answers on a phone, the counselor's
lists read a fixed number of queries whatever their length, the gate logs a read, and bad input
changes nothing."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from qingshan.counseling.models import Alert, Case, CaseRead, Scale, Sheet
from qingshan.counseling.services import screening
from qingshan.counseling.tests.factories import CALM, INVALID, RED, clinic

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _answers(answers):
    return {f"item_{number}": str(value) for number, value in answers.items()} | {"consent": "on"}


def test_a_student_answers_and_the_counselor_sees_the_red_alert():
    site = clinic()
    student = site.student()
    client = _client(site.student_user(student))
    listing = client.get(reverse("counseling:my"))
    assert site.campaign.name in listing.content.decode()
    url = reverse("counseling:answer", args=[site.campaign.pk])
    missing = client.post(url, {"item_1": "4"})
    assert missing.status_code == 422 and not Sheet.objects.exists()
    done = client.post(url, _answers(RED))
    assert done.status_code == 200 and "handed-in" in done.content.decode()
    assert "4.00" not in done.content.decode()
    alert = Alert.objects.get(student=student)
    board = _client(site.counselor_user).get(reverse("counseling:board")).content.decode()
    assert student.name in board and alert.get_absolute_url() in board


def test_a_link_opens_one_sheet_once():
    site = clinic()
    student = site.student()
    keys = screening.issue_links(campaign=site.campaign, students=[student])
    client = Client()
    opened = client.post(reverse("counseling:answer_exchange"), {"key": keys[student.pk]})
    assert opened.status_code == 302
    page = client.get(reverse("counseling:answer_home"))
    assert "item_1" in page.content.decode()
    assert client.post(reverse("counseling:answer_home"), _answers(CALM)).status_code == 200
    assert Sheet.objects.get(student=student).is_answered
    again = Client().post(reverse("counseling:answer_exchange"), {"key": keys[student.pk]})
    assert again.status_code == 404
    assert Client().post(reverse("counseling:answer_exchange"), {"key": "nope"}).status_code == 404


def _count(client, url):
    client.get(url)  # the first request of a session writes its own rows
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "counseling:board",
        "counseling:alert_list",
        "counseling:case_list",
        "counseling:campaign_list",
    ],
)
def test_lists_read_as_many_queries_for_one_row_as_for_three(url):
    site = clinic()
    client = _client(site.counselor_user)
    counts = []
    for rows in (1, 3):
        Case.objects.all().delete()
        Alert.objects.all().delete()
        Sheet.objects.all().delete()
        for _n in range(rows):
            student = site.student()
            site.hand_in(student, RED)
            site.case(student)
        counts.append(_count(client, reverse(url)))
    assert counts[0] == counts[1]


def test_the_head_teachers_page_reads_a_fixed_number_of_queries():
    site = clinic()
    client = _client(site.head_teacher_user)
    counts = []
    for rows in (1, 3):
        Alert.objects.all().delete()
        Sheet.objects.all().delete()
        for _n in range(rows):
            site.hand_in(site.student(), RED)
        counts.append(_count(client, reverse("counseling:attention")))
    assert counts[0] == counts[1]


def test_a_session_recorded_on_the_case_page_is_sealed_and_logged():
    site = clinic()
    case = site.case()
    client = _client(site.counselor_user)
    url = reverse("counseling:case_session", args=[case.pk])
    when = (timezone.localtime() - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    bad = client.post(url, {"s-kind": "session", "s-starts_at": when, "s-minutes": "1"})
    assert bad.status_code == 422 and not case.sessions.exists()
    good = client.post(
        url, {"s-kind": "session", "s-starts_at": when, "s-minutes": "50", "s-notes": "首次咨询"}
    )
    assert good.status_code == 200 and "首次咨询" in good.content.decode()
    assert case.sessions.count() == 1
    assert CaseRead.objects.filter(case=case).count() == 2


def test_a_case_opened_from_an_alert_follows_it_up():
    site = clinic()
    student = site.student()
    alert = Alert.objects.get(sheet=site.hand_in(student, RED))
    client = _client(site.counselor_user)
    response = client.post(
        reverse("counseling:case_open") + f"?alert={alert.pk}",
        {
            "student": student.pk,
            "source": "screening",
            "opened_on": timezone.localdate().isoformat(),
            "concern": "普查红色预警，约谈后建档",
        },
    )
    case = Case.objects.get(student=student)
    assert response.status_code == 302 and case.alert == alert
    alert.refresh_from_db()
    assert alert.outcome == "case" and not alert.is_open


NEW_SCALE = {
    "code": "school-mood",
    "name": "本校心情量表",
    "option_min": "1",
    "option_max": "3",
    "option_labels": "不符合\n有点符合\n符合",
    "scoring": "mean",
    "age_min": "14",
    "age_max": "19",
    "factors": "mood | 情绪\nsleep | 睡眠",
    "items": "1 | mood | 我心情低落\n2 | sleep | 我睡不好 | R\n3 | =1 | 这一题请选“不符合”",
}


def test_a_counselor_enters_a_scale_of_the_schools_own():
    site = clinic()
    client = _client(site.counselor_user)
    response = client.post(reverse("counseling:scale_create"), NEW_SCALE)
    assert response.status_code == 302
    scale = Scale.objects.get(school=site.school, code="school-mood")
    assert scale.version == 1
    assert [
        (i.number, i.factor and i.factor.code, i.reverse, i.valid_answers)
        for i in scale.items.order_by("number")
    ] == [
        (1, "mood", False, ""),
        (2, "sleep", True, ""),
        (3, None, False, "1"),
    ]
    again = client.post(reverse("counseling:scale_create"), NEW_SCALE)
    assert again.status_code == 302
    assert Scale.objects.filter(code="school-mood").count() == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("items", "1 | mood | 我心情低落\n3 | sleep | 跳号"),
        ("items", "1 | nosuch | 我心情低落"),
        ("items", "1 | =9 | 答案超出范围"),
        ("items", "one | mood | 不是数字"),
        ("factors", "mood 情绪"),
        ("factors", "mood | 情绪\nmood | 重复"),
    ],
)
def test_a_scale_that_does_not_hold_together_is_refused(field, value):
    site = clinic()
    before = Scale.objects.count()
    response = _client(site.counselor_user).post(
        reverse("counseling:scale_create"), NEW_SCALE | {field: value}
    )
    assert response.status_code == 422
    assert Scale.objects.count() == before


def test_reading_an_alert_is_logged():
    from auditlog.models import LogEntry

    site = clinic()
    alert = Alert.objects.get(sheet=site.hand_in(site.student(), RED))
    _client(site.counselor_user).get(alert.get_absolute_url())
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS, object_pk=str(alert.pk))
    assert entry.actor == site.counselor_user


def test_a_student_whose_sheet_was_invalid_answers_again_with_a_new_link():
    site = clinic()
    student = site.student()
    first = screening.issue_links(campaign=site.campaign, students=[student])[student.pk]
    client = Client()
    client.post(reverse("counseling:answer_exchange"), {"key": first})
    client.post(reverse("counseling:answer_home"), _answers(INVALID))
    assert Sheet.objects.get(student=student).valid is False
    assert Client().post(reverse("counseling:answer_exchange"), {"key": first}).status_code == 404
    second = screening.issue_links(campaign=site.campaign, students=[student])[student.pk]
    again = Client()
    assert again.post(reverse("counseling:answer_exchange"), {"key": second}).status_code == 302
    assert again.post(reverse("counseling:answer_home"), _answers(CALM)).status_code == 200
    assert Sheet.objects.get(student=student).valid is True
