"""Screening and the case file through their services: hand-ins, alerts, follow-ups, the crisis
protocol, closing and the purge after retention."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qingshan.counseling.enums import CaseState, CrisisStep, FollowUp, Grade
from qingshan.counseling.models import Alert, Case, CaseRead, Purge, Session, Sheet
from qingshan.counseling.selectors import cases as case_selectors
from qingshan.counseling.selectors import screening as selectors
from qingshan.counseling.services import cases, retention, scales, screening
from qingshan.counseling.services.keys import reseal_school
from qingshan.counseling.tests.factories import CALM, INVALID, RED, clinic
from tests.factories import SchoolClassFactory, StudentFactory

pytestmark = pytest.mark.django_db


def test_a_red_sheet_raises_one_alert_due_within_the_campaigns_days():
    site = clinic()
    sheet = site.hand_in(site.student(), RED)
    alert = Alert.objects.get(sheet=sheet)
    assert alert.grade == Grade.RED
    assert alert.due_on == alert.raised_on + dt.timedelta(days=site.campaign.red_interview_days)
    assert alert.counselor == site.counselor


def test_a_calm_sheet_raises_no_alert_and_an_invalid_one_is_not_scored():
    site = clinic()
    calm = site.hand_in(site.student(), CALM)
    invalid = site.hand_in(site.student(), INVALID)
    assert calm.grade is None and calm.valid
    assert invalid.valid is False and invalid.scores == {}
    assert not Alert.objects.exists()


def test_answers_are_stored_sealed():
    site = clinic()
    sheet = site.hand_in(site.student(), RED)
    raw = bytes(Sheet.objects.get(pk=sheet.pk).answers_sealed)
    assert b'"1": 4' not in raw and b"4" * 3 not in raw
    assert len(raw) > 28


def test_a_sheet_is_handed_in_once_but_an_invalid_one_is_answered_again():
    site = clinic()
    student = site.student()
    site.hand_in(student, INVALID)
    site.hand_in(student, CALM)
    with pytest.raises(ValidationError) as raised:
        site.hand_in(student, RED)
    assert raised.value.code == "answered"
    assert Sheet.objects.get(student=student).grade is None
    assert not Alert.objects.exists()


def test_a_student_outside_the_campaigns_classes_is_refused():
    site = clinic()
    site.campaign.state = "draft"
    site.campaign.save()
    screening.update_campaign(campaign=site.campaign, values={}, classes=[site.school_class])
    screening.open_campaign(campaign=site.campaign)
    other_class = SchoolClassFactory(school=site.school)
    stranger = StudentFactory(school=site.school, school_class=other_class)
    with pytest.raises(ValidationError) as raised:
        site.hand_in(stranger, CALM)
    assert raised.value.code == "not_in_scope"
    assert not Sheet.objects.exists()


def test_a_closed_campaign_takes_no_answers_online_but_takes_paper_ones():
    site = clinic()
    screening.close_campaign(campaign=site.campaign)
    student = site.student()
    with pytest.raises(ValidationError):
        site.hand_in(student, CALM)
    screening.hand_in(campaign=site.campaign, student=student, answers=CALM, imported=True)
    assert Sheet.objects.get(student=student).entered == "import"


def test_a_used_scale_is_not_changed_but_a_new_version_is_made():
    site = clinic()
    with pytest.raises(ValidationError):
        scales.update_scale(scale=site.scale, values={"name": "改名"})
    copy = scales.new_version(scale=site.scale)
    assert copy.version == site.scale.version + 1
    assert copy.items.count() == site.scale.items.count()
    assert copy.thresholds.count() == site.scale.thresholds.count()
    scales.update_scale(scale=copy, values={"name": "改名"})


def test_a_campaign_with_items_without_text_does_not_open():
    site = clinic()
    scl = scales.install_scale(school=site.school, code="SCL-90")
    assert scl.items.count() == 90 and scl.age_min == 16
    campaign = screening.create_campaign(
        school=site.school,
        values={
            "name": "SCL",
            "scale": scl,
            "opens_on": site.campaign.opens_on,
            "closes_on": site.campaign.closes_on,
            "counselor": site.counselor,
        },
    )
    with pytest.raises(ValidationError) as raised:
        screening.open_campaign(campaign=campaign)
    assert raised.value.code == "no_text"


def test_students_outside_the_scales_ages_are_counted_for_the_warning():
    site = clinic()
    site.student(birth_date=timezone.localdate().replace(year=timezone.localdate().year - 12))
    site.student(birth_date=timezone.localdate().replace(year=timezone.localdate().year - 16))
    assert selectors.outside_age(site.campaign) == 1


def test_coverage_counts_valid_sheets_by_class():
    site = clinic()
    a, b, _c = site.student(), site.student(), site.student()
    site.hand_in(a, CALM)
    site.hand_in(b, INVALID)
    [row] = selectors.coverage(site.campaign)
    assert (row.students, row.screened, row.missing) == (3, 1, 2)
    assert set(selectors.unscreened(site.campaign)) == {b, _c}


def test_an_alert_is_followed_up_once():
    site = clinic()
    alert = Alert.objects.get(sheet=site.hand_in(site.student(), RED))
    today = timezone.localdate()
    screening.follow_up(alert=alert, staff=site.counselor, outcome=FollowUp.WATCH, on=today)
    with pytest.raises(ValidationError) as raised:
        screening.follow_up(alert=alert, staff=site.counselor, outcome=FollowUp.WATCH, on=today)
    assert raised.value.code == "followed_up"


def test_a_case_outcome_needs_the_case():
    site = clinic()
    alert = Alert.objects.get(sheet=site.hand_in(site.student(), RED))
    with pytest.raises(ValidationError):
        screening.follow_up(
            alert=alert, staff=site.counselor, outcome=FollowUp.CASE, on=timezone.localdate()
        )
    alert.refresh_from_db()
    assert alert.is_open


def test_the_head_teacher_sees_only_that_a_student_needs_attention():
    site = clinic()
    student = site.student()
    site.hand_in(student, RED)
    [row] = selectors.attention_for(site.school, site.head_teacher)
    assert row.student == student and row.counselor == site.counselor
    assert not hasattr(row, "grade")
    assert selectors.attention_for(site.school, site.counselor) == []


def test_case_numbers_run_by_year():
    site = clinic()
    first, second = site.case(), site.case()
    year = timezone.localdate().year
    assert (first.number, second.number) == (f"{year}-001", f"{year}-002")


def test_notes_are_unreadable_in_the_raw_database():
    site = clinic()
    marker = "独一无二的咨询记录标记"
    case = site.case(concern=marker)
    cases.record_session(
        case=case,
        counselor=site.counselor,
        kind="session",
        starts_at=timezone.now() - dt.timedelta(hours=1),
        notes=marker,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT concern_sealed FROM counseling_case")
        [(concern,)] = cursor.fetchall()
        cursor.execute("SELECT notes_sealed FROM counseling_session")
        [(notes,)] = cursor.fetchall()
    for raw in (bytes(concern), bytes(notes)):
        assert marker.encode() not in raw
    assert case_selectors.opened(case).concern == marker
    assert case_selectors.opened(case).sessions[0].notes == marker


def test_an_at_risk_case_closes_only_when_the_protocol_is_recorded():
    site = clinic()
    case = site.case()
    now = timezone.now() - dt.timedelta(hours=2)
    with pytest.raises(ValidationError):
        cases.record_crisis_step(
            case=case, staff=site.counselor, step=CrisisStep.GUARDIAN_TOLD, done_at=now
        )
    cases.record_crisis_step(case=case, staff=site.counselor, step=CrisisStep.FLAGGED, done_at=now)
    case.refresh_from_db()
    assert case.at_risk
    with pytest.raises(ValidationError) as raised:
        cases.close_case(case=case, closed_on=timezone.localdate(), summary="好转")
    assert raised.value.code == "crisis_open"
    for step in (CrisisStep.GUARDIAN_TOLD, CrisisStep.LEADERS_TOLD, CrisisStep.REFERRED):
        cases.record_crisis_step(case=case, staff=site.counselor, step=step, done_at=now)
    cases.close_case(case=case, closed_on=timezone.localdate(), summary="好转")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED and case.retain_until is not None


def test_a_closed_case_takes_no_more_sessions():
    site = clinic()
    case = site.case()
    cases.close_case(case=case, closed_on=timezone.localdate(), summary="结案")
    with pytest.raises(ValidationError):
        cases.record_session(
            case=case, counselor=site.counselor, kind="session", starts_at=timezone.now()
        )
    assert not Session.objects.exists()


def test_a_referral_returns_to_school_with_a_plan():
    site = clinic()
    case = site.case()
    today = timezone.localdate()
    referral = cases.refer_to_hospital(
        case=case, hospital="县医院", referred_on=today, reason="评估"
    )
    case.refresh_from_db()
    assert case.state == CaseState.REFERRED
    with pytest.raises(ValidationError):
        cases.follow_up_referral(
            referral=referral, followed_up_on=today, note="门诊", returned_on=today
        )
    cases.follow_up_referral(
        referral=referral,
        followed_up_on=today,
        note="门诊",
        returned_on=today,
        return_plan="每周咨询",
    )
    case.refresh_from_db()
    assert case.state == CaseState.OPEN


def test_a_break_glass_read_needs_a_reason_and_says_so():
    site = clinic()
    case = site.case()
    with pytest.raises(ValidationError):
        cases.log_read(
            case=case, user=site.counselor_user, reason="break_glass", note="急", break_glass=True
        )
    read = cases.log_read(
        case=case,
        user=site.counselor_user,
        reason="crisis",
        note="学生失联，需联系家长",
        break_glass=True,
    )
    assert read.break_glass and read.reason == "break_glass"


def test_a_case_is_purged_after_retention_and_the_purge_is_logged():
    site = clinic()
    case = site.case()
    cases.record_session(
        case=case,
        counselor=site.counselor,
        kind="session",
        starts_at=timezone.now() - dt.timedelta(hours=1),
    )
    cases.log_read(case=case, user=site.counselor_user, reason="counseling")
    today = timezone.localdate()
    cases.close_case(case=case, closed_on=today, summary="结案")
    case.refresh_from_db()
    assert retention.purge_due(school=site.school, today=case.retain_until) == []
    [purge] = retention.purge_due(
        school=site.school, today=case.retain_until + dt.timedelta(days=1)
    )
    assert not Case.objects.exists() and not Session.objects.exists()
    assert purge.case_number == case.number and purge.rows == 2
    assert purge.sessions == [
        timezone.localdate(timezone.now() - dt.timedelta(hours=1)).isoformat()
    ]
    assert CaseRead.objects.get().case is None
    assert Purge.objects.count() == 1


def test_notes_re_sealed_after_a_rotation_open_with_the_new_key_alone(settings):
    site = clinic()
    case = site.case(concern="轮换前的记录")
    settings.QS_SEALING_KEY, settings.QS_SEALING_KEY_FALLBACKS = "new-secret", [settings.SECRET_KEY]
    assert case_selectors.opened(case).concern == "轮换前的记录"
    assert reseal_school(school=site.school) >= 1
    settings.QS_SEALING_KEY_FALLBACKS = []
    case.refresh_from_db()
    assert case_selectors.opened(case).concern == "轮换前的记录"
