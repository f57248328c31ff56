"""The demo school's rating campaigns of 2013: students rate teachers (spring and autumn),
parents rate the school, the public rates party members. Four teachers fall below the bar in
the spring and follow classes to learn (跟班学习) at the start of the autumn term, as the seed
tells; the lessons they observe are the teaching app's demo.

Campaigns are prepared through the real service; the ratings of thousands of raters are then
written as the counters they would have produced (flipping dues and incrementing counters in
bulk), which keeps ``make run`` quick. Deterministic and idempotent.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from qingshan.accounts.models import User
from qingshan.core.demo_vocabulary import demo_school
from qingshan.core.models import School
from qingshan.evaluations.enums import (
    CampaignStatus,
    FollowUpKind,
    FollowUpStatus,
    InstrumentKind,
    QuestionKind,
    ReviewStatus,
)
from qingshan.evaluations.models import (
    Campaign,
    CampaignTransition,
    ChoiceCount,
    FollowUp,
    FollowUpRecord,
    Instrument,
    Question,
    RatingDue,
    ScaleCount,
    TextAnswer,
)
from qingshan.evaluations.services import campaigns
from qingshan.evaluations.services.library import install_library
from qingshan.organization.models import Term

WEAK_TEACHERS = 4
COMMENTS = (
    "讲课生动，实训指导耐心。",
    "希望多一些上机练习。",
    "老师很负责。",
    "作业反馈可以再及时一些。",
    "课堂纪律需要加强。",
)


def _aware(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


class EvaluationDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school, self.rng = school, rng
        install_library(school=school)
        self.instruments = {i.kind: i for i in Instrument.objects.for_school(school)}

    def campaign(
        self, kind: str, term: Term, name: str, opens: dt.date, public_tokens: int = 0
    ) -> Campaign:
        campaign = Campaign.objects.create(
            school=self.school,
            instrument=self.instruments[kind],
            term=term,
            name=name,
            opens_at=_aware(opens, 8),
            closes_at=_aware(opens + dt.timedelta(days=10), 18),
            public_tokens=public_tokens,
        )
        campaigns.prepare_campaign(campaign=campaign)
        return campaign

    def choose(self, question: Question, mean: float) -> list[int]:
        """The options one rater picks. Most answer an optional question; in the teachers'
        "what to improve most" the last option is "nothing", picked the more often the better
        the teacher is rated."""
        rng, options = self.rng, question.values
        if not options or (not question.required and rng.random() < 0.15):
            return []
        if question.kind == QuestionKind.MULTIPLE:
            return sorted(rng.sample(options, rng.randint(1, min(2, len(options)))))
        if not question.required and len(options) > 1:
            content = min(0.9, max(0.05, (mean - 2.5) / 2.5))
            if rng.random() < content:
                return [options[-1]]
            return [rng.choice(options[:-1])]
        return [rng.choice(options)]

    def rate(self, campaign: Campaign, *, response: float, means: dict[int, float]) -> None:
        """Flip ``response`` of the dues to done, count scores around each target's mean and
        the options chosen in each choice question."""
        rng = self.rng
        asked = list(campaign.instrument.questions.all())
        questions = [q for q in asked if q.kind == QuestionKind.SCALE]
        choices = [q for q in asked if q.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)]
        texts = [q for q in asked if q.kind == QuestionKind.TEXT]
        dues = list(RatingDue.objects.filter(token__campaign=campaign).only("pk", "target_id"))
        done = [due for due in dues if rng.random() < response]
        RatingDue.objects.filter(pk__in=[due.pk for due in done]).update(done=True)
        counts: dict[tuple[int, int, int], int] = defaultdict(int)
        chosen: dict[tuple[int, int, int], int] = defaultdict(int)
        answers = []
        for due in done:
            mean = means.get(due.target_id, 4.2)
            for question in questions:
                score = min(question.scale_max, max(1, round(rng.gauss(mean, 0.7))))
                counts[(due.target_id, question.pk, score)] += 1
            for question in choices:
                for option in self.choose(question, mean):
                    chosen[(due.target_id, question.pk, option)] += 1
            if texts and rng.random() < 0.04:
                answers.append(
                    TextAnswer(
                        school=self.school,
                        target_id=due.target_id,
                        question=texts[0],
                        text=rng.choice(COMMENTS),
                        review=ReviewStatus.PUBLIC,
                    )
                )
        rows = list(ScaleCount.objects.filter(target__campaign=campaign))
        for row in rows:
            row.count = counts.get((row.target_id, row.question_id, row.value), 0)
        ScaleCount.objects.bulk_update(rows, ["count"], batch_size=2000)
        counters = list(ChoiceCount.objects.filter(target__campaign=campaign))
        for counter in counters:
            counter.count = chosen.get((counter.target_id, counter.question_id, counter.option), 0)
        ChoiceCount.objects.bulk_update(counters, ["count"], batch_size=2000)
        TextAnswer.objects.bulk_create(answers)
        self.finish(campaign)

    def finish(self, campaign: Campaign) -> None:
        status = CampaignStatus.PREPARED
        for to in (
            CampaignStatus.OPEN,
            CampaignStatus.CLOSED,
            CampaignStatus.REVIEWED,
            CampaignStatus.PUBLISHED,
        ):
            at = (
                campaign.opens_at
                if to == CampaignStatus.OPEN
                else campaign.closes_at + dt.timedelta(days=(to - CampaignStatus.CLOSED) * 3)
            )
            CampaignTransition.objects.create(
                school=self.school, campaign=campaign, from_status=status, to_status=to, at=at
            )
            status = to
        Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.PUBLISHED)

    def build(self) -> None:
        spring = Term.objects.get(school=self.school, school_year=2012, semester=2)
        autumn = Term.objects.get(school=self.school, school_year=2013, semester=1)
        for term, name, opens in (
            (spring, "2013年春季学期学生评教", dt.date(2013, 6, 10)),
            (autumn, "2013年秋季学期学生评教", dt.date(2013, 12, 9)),
        ):
            campaign = self.campaign(InstrumentKind.STUDENTS_RATE_TEACHERS, term, name, opens)
            targets = list(campaign.targets.order_by("label"))
            means = {t.pk: self.rng.uniform(3.7, 4.7) for t in targets}
            if term == spring:
                self.weak = self.rng.sample(targets, WEAK_TEACHERS)
                means.update({t.pk: self.rng.uniform(2.4, 2.8) for t in self.weak})
            self.rate(campaign, response=0.88, means=means)
        self.rate(
            self.campaign(
                InstrumentKind.PARENTS_RATE_SCHOOL,
                autumn,
                "2013年秋季家长评校",
                dt.date(2013, 12, 9),
            ),
            response=0.62,
            means={},
        )
        self.rate(
            self.campaign(
                InstrumentKind.PUBLIC_RATES_MEMBERS,
                autumn,
                "2013年群众评议党员",
                dt.date(2013, 12, 16),
                public_tokens=120,
            ),
            response=0.7,
            means={},
        )
        self.follow_up()

    def follow_up(self) -> None:
        owner = User.objects.filter(username="secretary").first()
        for target in self.weak:
            follow_up = FollowUp.objects.create(
                school=self.school,
                target=target,
                kind=FollowUpKind.SHADOWING,
                owner=owner,
                deadline=dt.date(2013, 10, 31),
                plan="跟随骨干教师听课学习两周，每周听课不少于4节，写出听课反思。",
                status=FollowUpStatus.CLOSED,
                outcome="已完成跟班学习，教学方法有改进，下学期复评。",
                closed_on=dt.date(2013, 10, 18),
                created_at=timezone.make_aware(dt.datetime(2013, 7, 1, 9)),
            )
            FollowUpRecord.objects.bulk_create(
                FollowUpRecord(
                    school=self.school,
                    follow_up=follow_up,
                    date=dt.date(2013, 9, 6) + dt.timedelta(days=7 * week),
                    note=f"第{week + 1}周：跟班听课4节，与指导教师交流。",
                )
                for week in range(2)
            )


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or Campaign.objects.for_school(school).exists():
        return "rating campaigns present"
    EvaluationDemo(school, random.Random(2013)).build()
    return f"built {Campaign.objects.for_school(school).count()} rating campaigns of 2013"
