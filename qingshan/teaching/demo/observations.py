"""The demo school's lesson observations of 2013: lessons listened to, commented on and talked
over (听课·评课·议课) against the school's quotas, and the four teachers below the bar following
classes (跟班学习) with the observations made under their follow-ups."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db.models import Count

from qingshan.accounts.models import User
from qingshan.core.models import School
from qingshan.evaluations.enums import FollowUpKind
from qingshan.evaluations.models import FollowUp
from qingshan.organization.models import Staff, TeachingAssignment, Term
from qingshan.teaching.enums import ObservationKind, ObservationStatus, QuotaGroup, ReviewLevel
from qingshan.teaching.models import (
    Deliberation,
    Observation,
    ObservationQuota,
    ObservationScore,
    ResearchGroup,
    Rubric,
    RubricItem,
    TeacherProfile,
    TeachingPolicy,
)
from qingshan.teaching.selectors.board import quota_board

RUBRIC = (
    ("教学目标", "目标明确具体，符合课标和学情", 10),
    ("教学内容", "内容准确，重点突出，难点突破", 15),
    ("教学内容", "联系生产生活与专业实际", 10),
    ("教学方法", "方法得当，启发学生思考", 15),
    ("教学方法", "合理运用信息技术和实训设备", 10),
    ("教学过程", "环节清晰，时间分配合理", 10),
    ("学生活动", "学生参与面广，主体地位突出", 15),
    ("教学效果", "达成目标，学生掌握技能", 15),
)
QUOTAS = {
    QuotaGroup.LEADER: 14,
    QuotaGroup.DEPARTMENT_HEAD: 14,
    QuotaGroup.NEW_TEACHER: 16,
    QuotaGroup.TEACHER: 12,
}
GROUPS = (
    ("语文组", ("语文", "历史", "政治")),
    ("数理组", ("数学", "物理", "化学")),
    ("英语组", ("英语",)),
    ("体育组", ("体育",)),
)
PROFESSIONAL_GROUP = "专业课组"
PROFESSIONAL_TEACHERS = 24
TOPICS = {
    "语文": ("《荷塘月色》", "《雨巷》", "应用文写作：求职信", "《劝学》"),
    "数学": ("函数的单调性", "等差数列", "直线的方程", "概率初步"),
    "英语": ("英语阅读：我的家乡", "英语写作：求职信", "英语听说：问路"),
    "体育": ("篮球运球", "立定跳远", "广播体操"),
    "专业课": ("果树嫁接技术", "生猪饲养管理", "电工基础：串并联电路", "土壤酸碱度测定"),
}
STRENGTHS = (
    "导入新颖，能联系学生实际。",
    "示范操作规范，学生动手充分。",
    "板书工整，重点突出。",
    "课堂气氛活跃，提问有层次。",
)
SUGGESTIONS = (
    "注意给学生留出练习时间。",
    "小组活动要有明确分工。",
    "结尾小结可以更紧凑。",
    "多关注后排学生。",
)
REPLIES = (
    "感谢指导，下节课注意改进。",
    "认真反思，练习环节将增加到十分钟。",
    "同意建议，会加强小组分工。",
)
CONCLUSIONS = (
    "本课以生产实例导入，示范规范；建议增加学生分组实操时间，教研组下周再听一次。",
    "教学目标达成较好；议定在全组推广“任务驱动”的做法。",
)


class TeachingDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school, self.rng = school, rng
        self.assignments: dict[int, dict[int, list[tuple[str, int | None]]]] = {}
        # the head of academic affairs reads the records (查阅)
        self.reader = User.objects.filter(username="head").first()

    def build(self) -> None:
        TeachingPolicy.objects.create(school=self.school, hours_target=360)
        self.rubric = self.rubric_v1()
        self.items = list(self.rubric.items.all())
        self.groups()
        terms = list(
            Term.objects.for_school(self.school)
            .filter(start_date__gte=dt.date(2013, 1, 1), start_date__lt=dt.date(2014, 1, 1))
            .order_by("start_date")
        )
        for term in terms:
            ObservationQuota.objects.bulk_create(
                ObservationQuota(school=self.school, term=term, group=group, periods=periods)
                for group, periods in QUOTAS.items()
            )
            self.observe_term(term)
        self.shadowing()

    def rubric_v1(self) -> Rubric:
        rubric = Rubric.objects.create(
            school=self.school,
            name="课堂教学评价表",
            version=1,
            published_on=dt.date(2012, 8, 25),
            note="学校教务处制定",
        )
        RubricItem.objects.bulk_create(
            RubricItem(
                school=self.school,
                rubric=rubric,
                group=group,
                text=text,
                max_points=points,
                position=position,
            )
            for position, (group, text, points) in enumerate(RUBRIC, start=1)
        )
        return rubric

    def groups(self) -> None:
        teachers = list(Staff.objects.for_school(self.school).exclude(subject="").order_by("pk"))
        professional = {
            row["teacher"]
            for row in TeachingAssignment.objects.for_school(self.school)
            .filter(subject="专业课")
            .values("teacher")
            .annotate(n=Count("pk"))
            .order_by("-n", "teacher")[:PROFESSIONAL_TEACHERS]
        }
        self.professional = [teacher for teacher in teachers if teacher.pk in professional]
        by_subject: dict[str, ResearchGroup] = {}
        for name, subjects in GROUPS:
            members = [teacher for teacher in teachers if teacher.subject in subjects]
            group = ResearchGroup.objects.create(
                school=self.school, name=name, leader=members[0] if members else None
            )
            by_subject.update(dict.fromkeys(subjects, group))
        vocational = ResearchGroup.objects.create(
            school=self.school, name=PROFESSIONAL_GROUP, leader=self.professional[0]
        )
        TeacherProfile.objects.bulk_create(
            TeacherProfile(
                school=self.school,
                staff=teacher,
                group=vocational if teacher.pk in professional else by_subject.get(teacher.subject),
                professional=teacher.pk in professional,
                dual_qualified=teacher.pk in professional and teacher.pk % 3 == 0,
            )
            for teacher in teachers
        )

    def lesson_of(self, teacher: Staff, term: Term) -> tuple[str, str, int | None]:
        """A lesson the teacher gives in the term: subject, topic and class."""
        if term.pk not in self.assignments:
            taught: dict[int, list[tuple[str, int | None]]] = {}
            rows = TeachingAssignment.objects.for_school(self.school).filter(term=term)
            for teacher_id, subject, taught_class in rows.values_list(
                "teacher", "subject", "school_class"
            ):
                taught.setdefault(teacher_id, []).append((subject, taught_class))
            self.assignments[term.pk] = taught
        lesson = self.rng.choice(
            self.assignments[term.pk].get(teacher.pk) or [(teacher.subject or "语文", None)]
        )
        return lesson[0], self.rng.choice(TOPICS.get(lesson[0], TOPICS["语文"])), lesson[1]

    def score(self, observation: Observation, level: float) -> list[ObservationScore]:
        """The observation's scores (unsaved), its total set on the instance."""
        scores = [
            ObservationScore(
                school=self.school,
                observation=observation,
                item=item,
                points=Decimal(
                    min(item.max_points, round(item.max_points * level + self.rng.uniform(-1, 1)))
                ),
            )
            for item in self.items
        ]
        observation.total = sum((score.points for score in scores), Decimal(0))
        return scores

    def observe_term(self, term: Term) -> None:
        board = quota_board(self.school, term)
        teaching = [row.staff for row in board.rows]
        days = [
            term.start_date + dt.timedelta(days=offset)
            for offset in range(7, min((term.end_date - term.start_date).days, 115))
            if (term.start_date + dt.timedelta(days=offset)).weekday() < 5
        ]
        lessons: list[Observation] = []
        for row in board.rows:
            target = row.quota or 12
            # most meet their quota, a few fall a lesson or two short
            periods = (
                target - self.rng.choice((0, 0, 0, 0, 0, 1, 2, 4)) + self.rng.choice((0, 0, 1, 2))
            )
            while periods > 0:
                teacher = self.rng.choice([person for person in teaching if person != row.staff])
                subject, topic, class_id = self.lesson_of(teacher, term)
                span = min(periods, self.rng.choice((1, 1, 1, 2)))
                lessons.append(
                    Observation(
                        school=self.school,
                        observer=row.staff,
                        teacher=teacher,
                        term=term,
                        school_class_id=class_id,
                        subject=subject,
                        observed_on=self.rng.choice(days),
                        first_period=self.rng.randint(1, 7),
                        periods=span,
                        topic=topic,
                        kind=self.rng.choice(
                            [ObservationKind.ROUTINE] * 8
                            + [
                                ObservationKind.OPEN,
                                ObservationKind.DEMONSTRATION,
                                ObservationKind.REPORT,
                            ]
                        ),
                        rubric=self.rubric,
                        status=ObservationStatus.SUBMITTED,
                        strengths=self.rng.choice(STRENGTHS),
                        suggestions=self.rng.choice(SUGGESTIONS),
                    )
                )
                periods -= span
        for lesson in lessons:
            lesson.submitted_on = lesson.observed_on
            if self.rng.random() < 0.6:
                lesson.reply, lesson.replied_on = (
                    self.rng.choice(REPLIES),
                    lesson.observed_on + dt.timedelta(days=2),
                )
            if self.rng.random() < 0.5:
                lesson.review_level = self.rng.choice(list(ReviewLevel)[:3])
                lesson.reviewed_on = lesson.observed_on + dt.timedelta(days=7)
                lesson.reviewed_by = self.reader
            lesson.total = Decimal(0)
        Observation.objects.bulk_create(lessons, batch_size=500)
        saved = list(Observation.objects.for_school(self.school).filter(term=term))
        scores = [
            score for lesson in saved for score in self.score(lesson, self.rng.uniform(0.72, 0.95))
        ]
        ObservationScore.objects.bulk_create(scores, batch_size=1000)
        Observation.objects.bulk_update(saved, ["total"], batch_size=500)
        self.deliberate(term)

    def deliberate(self, term: Term) -> None:
        observed = list(
            Observation.objects.for_school(self.school).filter(term=term).order_by("pk")[:4]
        )
        for index, anchor in enumerate(observed[:2]):
            mates = [anchor] + [
                Observation.objects.create(
                    school=self.school,
                    observer=observer,
                    teacher=anchor.teacher,
                    term=term,
                    subject=anchor.subject,
                    observed_on=anchor.observed_on,
                    periods=1,
                    topic=anchor.topic,
                    kind=ObservationKind.OPEN,
                    rubric=self.rubric,
                    status=ObservationStatus.SUBMITTED,
                    submitted_on=anchor.observed_on,
                    total=Decimal(0),
                )
                for observer in Staff.objects.for_school(self.school)
                .exclude(pk__in=(anchor.teacher_id, anchor.observer_id))
                .exclude(subject="")
                .order_by("pk")[2 + index * 2 : 4 + index * 2]
            ]
            ObservationScore.objects.bulk_create(
                score
                for mate in mates[1:]
                for score in self.score(mate, self.rng.uniform(0.8, 0.92))
            )
            Observation.objects.bulk_update(mates[1:], ["total"])
            deliberation = Deliberation.objects.create(
                school=self.school,
                teacher=anchor.teacher,
                held_on=anchor.observed_on + dt.timedelta(days=1),
                topic=anchor.topic,
                group=getattr(getattr(anchor.teacher, "teaching_profile", None), "group", None),
                conclusion=CONCLUSIONS[index % len(CONCLUSIONS)],
            )
            Observation.objects.filter(pk__in=[mate.pk for mate in mates]).update(
                deliberation=deliberation
            )

    def shadowing(self) -> None:
        """The teachers below the bar watch experienced colleagues teach, four periods a week
        for two weeks; each observation is evidence of their follow-up."""
        autumn = (
            Term.objects.for_school(self.school).filter(start_date__year=2013, semester=1).first()
        )
        mentors = list(
            Staff.objects.for_school(self.school).exclude(subject="").order_by("hired_on", "pk")[:6]
        )
        follow_ups = (
            FollowUp.objects.for_school(self.school)
            .filter(kind=FollowUpKind.SHADOWING)
            .select_related("target__staff")
        )
        for follow_up in follow_ups:
            shadowed = follow_up.target.staff
            if autumn is None or shadowed is None:
                continue
            for week in range(2):
                for lesson in range(4):
                    teacher = next(
                        person
                        for person in self.rng.sample(mentors, len(mentors))
                        if person != shadowed
                    )
                    subject, topic, class_id = self.lesson_of(teacher, autumn)
                    observation = Observation.objects.create(
                        school=self.school,
                        observer=shadowed,
                        teacher=teacher,
                        term=autumn,
                        school_class_id=class_id,
                        subject=subject,
                        observed_on=dt.date(2013, 9, 2) + dt.timedelta(days=7 * week + lesson),
                        periods=1,
                        topic=topic,
                        kind=ObservationKind.SHADOWING,
                        follow_up=follow_up,
                        rubric=self.rubric,
                        status=ObservationStatus.SUBMITTED,
                        submitted_on=dt.date(2013, 9, 2) + dt.timedelta(days=7 * week + lesson),
                        strengths="学习骨干教师的课堂组织方法。",
                        total=Decimal(0),
                    )
                    ObservationScore.objects.bulk_create(
                        self.score(observation, self.rng.uniform(0.85, 0.95))
                    )
                    observation.save(update_fields=["total"])
