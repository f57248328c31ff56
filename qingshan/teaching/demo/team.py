"""The demo school's team records of 2013: lessons given at school, county and city level (the
prized ones filed as honours through the honours app), trainings and further study, enterprise
practice of the professional-course teachers since 2011, and young teachers paired with
experienced ones in the autumn term."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from qingshan.core.models import School
from qingshan.organization.models import Staff, Term
from qingshan.teaching.enums import LessonKind, LessonLevel, TrainingKind, TrainingStatus
from qingshan.teaching.models import LessonEvent, MentoringMeeting, Mentorship, TrainingRecord
from qingshan.teaching.selectors.policy import add_years
from qingshan.teaching.services.lessons import file_as_honour

LESSONS = (
    (LessonKind.DEMONSTRATION, LessonLevel.SCHOOL, "学校教务处", (3, 12), "", None),
    (LessonKind.DEMONSTRATION, LessonLevel.SCHOOL, "学校教务处", (4, 16), "", None),
    (LessonKind.DEMONSTRATION, LessonLevel.SCHOOL, "学校教务处", (10, 15), "", None),
    (LessonKind.DEMONSTRATION, LessonLevel.COUNTY, "县教育局教研室", (11, 6), "", None),
    (LessonKind.OPEN, LessonLevel.SCHOOL, "学校教务处", (5, 9), "", None),
    (LessonKind.OPEN, LessonLevel.SCHOOL, "学校教务处", (11, 20), "", None),
    (LessonKind.REPORT, LessonLevel.SCHOOL, "学校教务处", (10, 10), "", None),
    (LessonKind.REPORT, LessonLevel.SCHOOL, "学校教务处", (10, 24), "", None),
    (LessonKind.REPORT, LessonLevel.SCHOOL, "学校教务处", (11, 7), "", None),
    (LessonKind.COMPETITION, LessonLevel.SCHOOL, "学校教务处", (4, 25), "一等奖", 1),
    (LessonKind.COMPETITION, LessonLevel.COUNTY, "县教育局", (5, 22), "一等奖", 1),
    (LessonKind.COMPETITION, LessonLevel.COUNTY, "县教育局", (5, 22), "二等奖", 4),
    (LessonKind.COMPETITION, LessonLevel.CITY, "市教育局", (11, 28), "二等奖", 3),
)
TRAININGS = (
    (TrainingKind.NATIONAL, "中职骨干教师国家级培训", "教育部职业院校教师素质提高计划", 2, 120, 30),
    (TrainingKind.PROVINCIAL, "四川省中职专业教师技能培训", "四川省教育厅", 4, 80, 14),
    (TrainingKind.COUNTY, "县中小学教师继续教育集中培训", "县教师进修学校", 12, 24, 3),
    (TrainingKind.SCHOOL_BASED, "校本培训：信息技术与课堂教学", "学校教务处", 40, 12, 2),
    (TrainingKind.DEGREE, "在职攻读教育硕士", "四川师范大学", 2, 0, 180),
)
TOPICS = (
    "果树嫁接技术",
    "生猪饲养管理",
    "电工基础：串并联电路",
    "土壤酸碱度测定",
    "《荷塘月色》",
    "函数的单调性",
)
MEETING_NOTES = (
    "共同备课，明确本学期听课与上课计划。",
    "指导教师听课后逐环节点评，青年教师写出反思。",
    "交流班级管理与实训安全的做法。",
)


class TeamDemo:
    def __init__(self, school: School, rng: random.Random, professional: list[Staff]) -> None:
        self.school, self.rng, self.professional = school, rng, professional
        self.teachers = list(
            Staff.objects.for_school(self.school).exclude(subject="").order_by("hired_on", "pk")
        )

    def build(self) -> None:
        self.lessons()
        self.trainings()
        self.practice()
        self.mentoring()

    def lessons(self) -> None:
        givers = self.rng.sample(self.teachers, len(LESSONS))
        for teacher, (kind, level, organiser, (month, day), prize, place) in zip(
            givers, LESSONS, strict=True
        ):
            lesson = LessonEvent.objects.create(
                school=self.school,
                teacher=teacher,
                kind=kind,
                level=level,
                title=self.rng.choice(TOPICS),
                organiser=organiser,
                held_on=dt.date(2013, month, day),
                participants=self.rng.randint(15, 60),
                place=place,
                prize=prize,
            )
            if lesson.may_be_filed:
                file_as_honour(lesson=lesson)

    def trainings(self) -> None:
        rows = []
        for kind, title, organiser, people, hours, days in TRAININGS:
            for teacher in self.rng.sample(self.teachers, people):
                starts = dt.date(2013, self.rng.choice((3, 4, 7, 8, 10)), self.rng.randint(1, 20))
                rows.append(
                    TrainingRecord(
                        school=self.school,
                        teacher=teacher,
                        title=title,
                        kind=kind,
                        organiser=organiser,
                        starts_on=starts,
                        ends_on=starts + dt.timedelta(days=days - 1),
                        hours=Decimal(hours),
                        certificate=f"2013-{kind[:3].upper()}-{teacher.staff_no}" if hours else "",
                        cost=Decimal(self.rng.choice((0, 300, 800, 1500))),
                        status=TrainingStatus.DONE,
                        decided_on=starts - dt.timedelta(days=14),
                    )
                )
        asked = self.rng.sample(self.teachers, 3)
        for teacher, status in zip(
            asked,
            (TrainingStatus.REQUESTED, TrainingStatus.APPROVED, TrainingStatus.REFUSED),
            strict=True,
        ):
            rows.append(
                TrainingRecord(
                    school=self.school,
                    teacher=teacher,
                    title="全国职业院校技能大赛教学能力比赛观摩",
                    kind=TrainingKind.PROVINCIAL,
                    organiser="四川省教育厅",
                    starts_on=dt.date(2014, 3, 10),
                    ends_on=dt.date(2014, 3, 14),
                    hours=Decimal(40),
                    status=status,
                    refusal="名额已满，下次优先安排。" if status == TrainingStatus.REFUSED else "",
                )
            )
        TrainingRecord.objects.bulk_create(rows)

    def practice(self) -> None:
        """Enterprise practice since the window began in 2011: most professional teachers have
        some months, a third have the six owed, a few none yet."""
        rows = []
        for index, teacher in enumerate(self.professional):
            stints = (0, 1, 2, 2, 3)[index % 5]
            for stint in range(stints):
                starts = dt.date(2011 + stint, 7, 5)
                months = self.rng.choice((1, 2, 2, 3))
                rows.append(
                    TrainingRecord(
                        school=self.school,
                        teacher=teacher,
                        title="暑期企业实践",
                        kind=TrainingKind.ENTERPRISE,
                        organiser=self.rng.choice(
                            ("通江县银耳合作社", "县农业科技园", "巴中市机电厂")
                        ),
                        starts_on=starts,
                        ends_on=starts + dt.timedelta(days=30 * months - 1),
                        hours=Decimal(0),
                        status=TrainingStatus.DONE,
                    )
                )
        TrainingRecord.objects.bulk_create(rows)

    def mentoring(self) -> None:
        autumn = Term.objects.for_school(self.school).filter(school_year=2013, semester=1).first()
        if autumn is None:
            return
        new_since = add_years(autumn.start_date, -3)
        young = [teacher for teacher in self.teachers if teacher.hired_on > new_since]
        experienced = [teacher for teacher in self.teachers if teacher.hired_on.year < 2000]
        for mentee, mentor in zip(young, self.rng.sample(experienced, len(young)), strict=False):
            pair = Mentorship.objects.create(
                school=self.school,
                mentor=mentor,
                mentee=mentee,
                term=autumn,
                goals="每周互相听课一节，一学期上一节汇报课。",
                outcome="青年教师完成汇报课，课堂组织能力明显提高。",
            )
            MentoringMeeting.objects.bulk_create(
                MentoringMeeting(
                    school=self.school,
                    mentorship=pair,
                    met_on=autumn.start_date + dt.timedelta(days=14 + 35 * index),
                    note=note,
                )
                for index, note in enumerate(MEETING_NOTES)
            )
