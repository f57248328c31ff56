"""The demo school's counseling as its summary tells it: a counseling room with its counselor,
the "one without leaking" screening of every student in the autumn of 2013 with the product's
own short scale (and the SCL-90 structure installed, its texts still to type in), the alerts and
their interviews, cases over the year with sessions, two referrals to a hospital, one crisis
handled by the protocol, and cases closed.

Sheets are written in bulk, scored with the scale's key as the service scores them; everything
else goes through the services with the day it would have happened. Deterministic and
idempotent: a school with a scale is left alone.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from qingshan.accounts.models import User
from qingshan.core.demo_vocabulary import demo_school
from qingshan.core.models import School
from qingshan.counseling.demo.vocabulary import CLOSURES, CONCERNS, HOSPITALS, SESSION_NOTES
from qingshan.counseling.enums import CampaignState, CrisisStep, FollowUp, Grade, SessionKind
from qingshan.counseling.models import Alert, Campaign, Scale, Sheet
from qingshan.counseling.scoring import Key, score
from qingshan.counseling.selectors.scales import key_of
from qingshan.counseling.selectors.screening import students_of
from qingshan.counseling.services import cases, scales, screening
from qingshan.counseling.services.sealed import seal_text
from qingshan.organization.models import Staff, Student

OPENS, CLOSES = dt.date(2013, 10, 8), dt.date(2013, 10, 25)
ABSENT = 6  # students away during the whole window (sick leave, on internship far away)


def _at(day: dt.date, hour: int = 15) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _answers(key: Key, rng: random.Random, level: float) -> dict[int, int]:
    """Answers of a student whose distress is ``level`` (0 calm … 1 severe); validity items
    answered as asked but for the odd careless sheet."""
    answers = {}
    for item in key.items:
        if item.valid:
            answers[item.number] = min(item.valid) if rng.random() > 0.004 else key.option_max - 1
            continue
        raw = key.option_min + level * (key.option_max - key.option_min) + rng.gauss(0, 0.6)
        value = max(key.option_min, min(key.option_max, round(raw)))
        answers[item.number] = key.option_min + key.option_max - value if item.reverse else value
    return answers


class CounselingDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school = school
        self.rng = rng
        self.counselor = self._counselor()

    def _counselor(self) -> Staff:
        user = User.objects.filter(username="counselor").first()
        linked = Staff.objects.filter(user=user).first() if user else None
        if linked is not None:
            return linked
        staff = (
            Staff.objects.for_school(self.school)
            .filter(subject="政治", left_on__isnull=True, user__isnull=True)
            .order_by("staff_no")
            .first()
        ) or Staff.objects.for_school(self.school).filter(user__isnull=True).order_by("staff_no")[0]
        staff.user, staff.position = user, "心理咨询教师"
        staff.save(update_fields=["user", "position"])
        return staff

    def build(self) -> Campaign:
        scales.install_scale(school=self.school, code="SCL-90")
        scale = scales.install_scale(school=self.school, code="QS-MOOD")
        campaign = screening.create_campaign(
            school=self.school,
            values={
                "name": "2013年秋季“一个不漏”心理普查",
                "scale": scale,
                "opens_on": OPENS,
                "closes_on": CLOSES,
                "counselor": self.counselor,
            },
        )
        screening.open_campaign(campaign=campaign)
        self._sheets(campaign, scale)
        Campaign.objects.filter(pk=campaign.pk).update(state=CampaignState.CLOSED)
        self._follow_ups()
        self._cases()
        return campaign

    def _sheets(self, campaign: Campaign, scale: Scale) -> None:
        key = key_of(scale)
        students = list(students_of(campaign).order_by("pk"))
        away = set(self.rng.sample([s.pk for s in students], ABSENT))
        sheets = []
        for student in students:
            if student.pk in away:
                continue
            roll = self.rng.random()
            level = 0.95 if roll < 0.01 else 0.7 if roll < 0.04 else 0.5 if roll < 0.12 else 0.1
            answers = _answers(key, self.rng, level)
            scored = score(key, answers)
            day = OPENS + dt.timedelta(days=self.rng.randrange(0, 10))
            sheets.append(
                Sheet(
                    school=self.school,
                    campaign=campaign,
                    student=student,
                    answered_at=_at(day, 10),
                    answers_sealed=seal_text(json.dumps({str(k): v for k, v in answers.items()})),
                    valid=scored.valid,
                    scores=scored.scores,
                    grade=scored.grade,
                )
            )
        Sheet.objects.bulk_create(sheets, batch_size=500)
        alerts = []
        graded = Sheet.objects.filter(campaign=campaign, grade__isnull=False).select_related(
            "student"
        )
        for sheet in graded.order_by("pk"):
            assert sheet.grade is not None and sheet.answered_at is not None
            raised_on = sheet.answered_at.date()
            alerts.append(
                Alert(
                    school=self.school,
                    sheet=sheet,
                    student=sheet.student,
                    grade=sheet.grade,
                    raised_on=raised_on,
                    due_on=screening.due_on(campaign, sheet.grade, raised_on),
                    counselor=self.counselor,
                )
            )
        Alert.objects.bulk_create(alerts, batch_size=500)

    def _follow_ups(self) -> None:
        """Red and orange alerts interviewed, nearly all on time; yellow ones talked to within
        the month but for a few; the last three still waiting."""
        alerts = list(Alert.objects.for_school(self.school).order_by("raised_on", "pk"))
        waiting = {alert.pk for alert in alerts[-3:]}
        for alert in alerts:
            if alert.pk in waiting or (alert.grade == Grade.YELLOW and self.rng.random() < 0.08):
                continue
            late = self.rng.random() < 0.06
            limit = (alert.due_on - alert.raised_on).days if alert.due_on else 20
            days = limit + 2 if late else self.rng.randrange(0, max(limit, 1) + 1)
            on = alert.raised_on + dt.timedelta(days=days)
            if alert.grade == Grade.RED:
                case = self._case(alert.student, "screening", on, alert=alert)
                screening.follow_up(
                    alert=alert, staff=self.counselor, outcome=FollowUp.CASE, on=on, case=case
                )
                continue
            outcome = FollowUp.WATCH if alert.grade == Grade.ORANGE else FollowUp.NO_CONCERN
            screening.follow_up(alert=alert, staff=self.counselor, outcome=outcome, on=on)

    def _case(
        self, student: Student, source: str, opened_on: dt.date, alert: Alert | None = None
    ) -> Any:
        case = cases.open_case(
            school=self.school,
            student=student,
            counselor=self.counselor,
            source=source,
            concern=self.rng.choice(CONCERNS),
            opened_on=opened_on,
            alert=alert,
        )
        day = opened_on
        for _n in range(self.rng.randrange(2, 7)):
            day += dt.timedelta(days=self.rng.randrange(5, 9))
            if day > dt.date(2013, 12, 27):
                break
            cases.record_session(
                case=case,
                counselor=self.counselor,
                kind=SessionKind.SESSION,
                starts_at=_at(day, self.rng.choice((14, 15, 16))),
                notes=self.rng.choice(SESSION_NOTES),
            )
        return case

    def _cases(self) -> None:
        students = list(
            Student.objects.for_school(self.school)
            .filter(enrolled_on__lte=dt.date(2013, 3, 1))
            .filter(left_on__isnull=True)
            .order_by("pk")
        )
        referred = self.rng.sample(students, 16)
        sources = ("head_teacher", "self", "parent", "self", "head_teacher", "other")
        opened = []
        for index, student in enumerate(referred):
            day = dt.date(2013, 3, 4) + dt.timedelta(days=index * 16)
            opened.append(self._case(student, sources[index % len(sources)], day))
        for case in opened[:11]:
            last = case.sessions.order_by("-starts_at").first()
            closed_on = (last.starts_at.date() if last else case.opened_on) + dt.timedelta(days=7)
            if closed_on <= dt.date(2013, 12, 31):
                cases.close_case(case=case, closed_on=closed_on, summary=self.rng.choice(CLOSURES))
        self._hospital(opened[11], crisis=False)
        self._hospital(opened[12], crisis=True)

    def _hospital(self, case: Any, *, crisis: bool) -> None:
        day = case.opened_on + dt.timedelta(days=10)
        if crisis:
            moments = (
                (CrisisStep.FLAGGED, 0, "学生在咨询中流露轻生念头，立即启动危机干预预案。"),
                (CrisisStep.GUARDIAN_TOLD, 1, "电话告知监护人，监护人当日到校。"),
                (CrisisStep.LEADERS_TOLD, 1, "报告分管副校长和政教处。"),
                (CrisisStep.REFERRED, 3, "由监护人陪同转介专科医院评估。"),
                (CrisisStep.SAFE, 5, "学生由家人陪护，班主任安排同学陪伴。"),
            )
            for step, hours, note in moments:
                cases.record_crisis_step(
                    case=case,
                    staff=self.counselor,
                    step=step,
                    done_at=_at(day, 9) + dt.timedelta(hours=hours),
                    note=note,
                )
        referral = cases.refer_to_hospital(
            case=case,
            hospital=self.rng.choice(HOSPITALS),
            referred_on=day,
            reason="需要专业评估与治疗。",
        )
        cases.follow_up_referral(
            referral=referral,
            followed_up_on=day + dt.timedelta(days=14),
            note="医院诊断后门诊治疗，遵医嘱服药。",
            returned_on=day + dt.timedelta(days=21),
            return_plan="返校后每周咨询一次，班主任每日关注，宿舍安排同伴陪伴，与家长每周沟通。",
        )


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or Scale.objects.for_school(school).exists():
        return "counseling present"
    demo = CounselingDemo(school, random.Random(2013))
    campaign = demo.build()
    sheets = Sheet.objects.filter(campaign=campaign).count()
    alerts = Alert.objects.for_school(school).count()
    return f"{sheets} screening sheets, {alerts} alerts"
