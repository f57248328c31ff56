"""The demo school's 2013 in the work system: every unit's twelve plans and summaries and its weekly
statuses, a decision committee record handed down three tiers, and a grid with a few real gaps."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from qingshan.core.demo_vocabulary import demo_school
from qingshan.core.models import School
from qingshan.organization.enums import Semester
from qingshan.organization.models import Department, GradeTeam, Staff, Term
from qingshan.workplans.enums import Line, PlaceKind, TaskStatus, Tier
from qingshan.workplans.models import (
    Decision,
    DecisionMeeting,
    GridCell,
    GridException,
    Leave,
    MonthlyPlan,
    Place,
    PlanItem,
    Task,
    TimeSlot,
    WeeklyStatus,
    WorkLine,
)
from qingshan.workplans.selectors.cycle import month_end, next_month

YEAR = 2013
# The demo school's current term, the autumn of 2013, ends on 20 January 2014: its filings run
# through that month so that no filing of an opened term shows as overdue by accident.
LAST_MONTH = dt.date(YEAR + 1, 1, 1)
LAST_WEEK = dt.date(YEAR + 1, 1, 13)
PARTY_ITEMS = (
    "组织党员开展政治学习",
    "召开党小组会，交流“三同步”落实情况",
    "党员示范岗挂牌亮诺",
    "党员结对帮扶青年教师",
    "开展民主评议党员准备工作",
    "党员深入班级开展家访",
    "上好一次党课",
)
TEACHING_ITEMS = (
    "组织教研组听课、评课、议课",
    "开展月考质量分析",
    "实训室安全检查与整改",
    "落实教学常规检查",
    "组织学生技能竞赛选拔",
    "推进顶岗实习学生跟踪管理",
    "召开班主任工作例会",
    "开展学生文明行为督查",
)
WEEKLY_TEXTS = (
    "本周各项工作按计划推进，教学秩序良好，无安全事故。",
    "本周完成教学常规检查，发现问题已督促整改。",
    "本周组织党员学习，结合岗位开展服务，学生反映良好。",
    "本周开展安全隐患排查，宿舍、食堂运行正常。",
)


def _at(day: dt.date, hour: int = 17) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, 0))


# Decided in December for the next year (month and day of the deadline); their tasks are handed
# down in the new year.
NEXT_YEAR = (
    ("推进中高职衔接，扩大“3+2”分段培养规模", 6, 30),
    ("建成校内实训基地二期，深化“实习即生产”", 9, 30),
    ("巩固“订单式”培养，新增长期合作企业", 11, 30),
    ("推动党建与教学管理“三同步”向年级组延伸", 12, 31),
)


class WorkDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school, self.rng = school, rng
        self.staff = list(Staff.objects.for_school(school).filter(left_on__isnull=True))
        self.departments = list(Department.objects.for_school(school).active())

    def build(self) -> None:
        self.plans_and_statuses()
        self.decisions()
        self.grid()

    def _owners(self, department: Department | None) -> list[Staff]:
        own = [
            person for person in self.staff if department and person.department_id == department.pk
        ]
        return own or self.staff

    def plans_and_statuses(self) -> None:
        rng = self.rng
        units: list[Department | None] = [None, *self.departments]
        plans, items_by_plan = [], []
        month = dt.date(YEAR, 1, 1)
        while month <= LAST_MONTH:
            for index, department in enumerate(units):
                late_plan = rng.random() < 0.06
                filed_on = month.replace(
                    day=rng.randint(1, 3) if not late_plan else rng.randint(4, 8)
                )
                summary_on = month_end(month) - dt.timedelta(days=rng.randint(0, 2))
                if rng.random() < 0.04:
                    summary_on = next_month(month) + dt.timedelta(days=rng.randint(0, 4))
                plans.append(
                    MonthlyPlan(
                        school=self.school,
                        department=department,
                        month=month,
                        plan_filed_at=_at(filed_on, 9),
                        summary_filed_at=_at(summary_on),
                        summary_text="本月工作总体完成，下月继续抓好党建与教学管理“三同步”。",
                    )
                )
                # Two real "one hand hard, one hand soft" months: a department without party
                # items in March, and the branch's party line far ahead in October.
                soft_party = department is not None and index == 3 and month.month == 3
                soft_teaching = department is None and month.month == 10
                party_count = 0 if soft_party else rng.randint(2, 3)
                teaching_count = rng.randint(1, 2) if department is None else rng.randint(2, 4)
                items_by_plan.append(
                    (
                        rng.sample(PARTY_ITEMS, party_count),
                        rng.sample(TEACHING_ITEMS, teaching_count),
                        soft_teaching,
                        department,
                    )
                )
            month = next_month(month)
        MonthlyPlan.objects.bulk_create(plans)
        items = []
        for plan, (party, teaching, soft_teaching, department) in zip(
            plans, items_by_plan, strict=True
        ):
            owners = self._owners(department)
            order = 0
            for line, titles in ((Line.PARTY, party), (Line.TEACHING, teaching)):
                for title in titles:
                    order += 1
                    done = not (soft_teaching and line == Line.TEACHING)
                    due = plan.month + dt.timedelta(days=rng.randint(7, 25))
                    items.append(
                        PlanItem(
                            school=self.school,
                            plan=plan,
                            line=line,
                            title=title,
                            owner=rng.choice(owners),
                            due_on=due,
                            done_on=due - dt.timedelta(days=rng.randint(0, 3)) if done else None,
                            evidence="会议记录、照片及签到表已归档" if done else "",
                            outcome="按计划完成" if done else "",
                            sort_order=order,
                        )
                    )
        PlanItem.objects.bulk_create(items)
        statuses = []
        monday = dt.date(YEAR, 1, 7)
        while monday <= LAST_WEEK:
            for index, department in enumerate(units):
                if monday == LAST_WEEK and index == 2:
                    continue  # one department's status of the term's last week is overdue
                filed = monday + dt.timedelta(days=4 if rng.random() > 0.05 else 6)
                statuses.append(
                    WeeklyStatus(
                        school=self.school,
                        department=department,
                        week_start=monday,
                        text=rng.choice(WEEKLY_TEXTS),
                        filed_at=_at(filed, 16),
                    )
                )
            monday += dt.timedelta(days=7)
        WeeklyStatus.objects.bulk_create(statuses)

    def decisions(self) -> None:
        rng = self.rng
        meeting = DecisionMeeting.objects.create(
            school=self.school,
            held_on=dt.date(YEAR, 2, 26),
            title="学校决策委员会2013年第一次会议",
            attendees="校长、党支部书记、副校长、各处室主任",
            minutes="研究本学期“三同步”工作安排，部署千人评教、安全网格和阳光工程培训。",
        )
        teams = list(GradeTeam.objects.for_school(self.school).active().order_by("-entry_year")[:3])
        specs = (
            ("全面落实党建与教学管理“三同步”", dt.date(YEAR, 6, 30), True),
            ("完善校园安全责任网格，做到无空白、无盲区、无时间差", dt.date(YEAR, 4, 30), True),
            ("组织开展秋季学期千人评教评校", dt.date(YEAR, 12, 31), False),
        )
        for title, deadline, closed in specs:
            decision = Decision.objects.create(
                school=self.school, meeting=meeting, title=title, deadline=deadline
            )
            for department in rng.sample(self.departments, 2):
                parent = Task.objects.create(
                    school=self.school,
                    decision=decision,
                    tier=Tier.IMPLEMENTATION,
                    title=f"{department.name}落实：{title}",
                    department=department,
                    owner=department.head,
                    deadline=deadline - dt.timedelta(days=5),
                )
                for team in teams[:2]:
                    late = not closed and team == teams[1]
                    Task.objects.create(
                        school=self.school,
                        decision=decision,
                        parent=parent,
                        tier=Tier.EXECUTION,
                        title=f"{team.name}执行：{title}",
                        department=department,
                        grade_team=team,
                        deadline=deadline - dt.timedelta(days=10),
                        status=TaskStatus.OPEN if late else TaskStatus.DONE,
                        done_on=None if late else deadline - dt.timedelta(days=12),
                        evidence="" if late else "工作记录及照片已上传",
                    )
                if closed:
                    parent.status, parent.done_on = TaskStatus.DONE, deadline - dt.timedelta(days=6)
                    parent.evidence = "各年级组执行情况汇总已归档"
                    parent.save()
            if closed:
                decision.status, decision.closed_on = "closed", deadline
                decision.closing_note = "各项任务已按期完成。"
                decision.save()
        self.next_year()

    def next_year(self) -> None:
        """The December meeting that decides the next year's work: the summary's outlook."""
        meeting = DecisionMeeting.objects.create(
            school=self.school,
            held_on=dt.date(YEAR, 12, 20),
            title=f"学校决策委员会{YEAR}年第四次会议",
            attendees="校长、党支部书记、副校长、各处室主任",
            minutes=f"研究{YEAR + 1}年学校工作要点。",
        )
        Decision.objects.bulk_create(
            Decision(
                school=self.school,
                meeting=meeting,
                title=title,
                deadline=dt.date(YEAR + 1, month, day),
            )
            for title, month, day in NEXT_YEAR
        )

    def grid(self) -> None:
        school = self.school
        spring = (
            Term.objects.for_school(school)
            .filter(school_year=YEAR - 1, semester=Semester.SPRING)
            .first()
        )
        autumn = (
            Term.objects.for_school(school)
            .filter(school_year=YEAR, semester=Semester.AUTUMN)
            .first()
        )
        if spring is None or autumn is None:
            return
        lines = WorkLine.objects.bulk_create(
            [
                WorkLine(school=school, name="安全", covers_every_place=True, sort_order=1),
                WorkLine(school=school, name="教学秩序", sort_order=2),
                WorkLine(school=school, name="宿舍", sort_order=3),
                WorkLine(school=school, name="食堂", sort_order=4),
                WorkLine(school=school, name="纪律", sort_order=5),
            ]
        )
        places = Place.objects.bulk_create(
            [
                Place(school=school, name="教学楼", kind=PlaceKind.BUILDING, sort_order=1),
                Place(school=school, name="实训楼", kind=PlaceKind.BUILDING, sort_order=2),
                Place(school=school, name="学生宿舍", kind=PlaceKind.BUILDING, sort_order=3),
                Place(school=school, name="学生食堂", kind=PlaceKind.BUILDING, sort_order=4),
                Place(school=school, name="实习农场", kind=PlaceKind.FARM, sort_order=5),
                Place(school=school, name="苗圃基地", kind=PlaceKind.FARM, sort_order=6),
            ]
        )
        safety, teaching, dorm, canteen, discipline = lines
        building, workshop, dormitory, dining, farm, _nursery = places
        posts = [
            (safety, building),
            (safety, workshop),
            (safety, dormitory),
            (safety, dining),
            (safety, farm),  # the nursery has no safety post: a blind zone
            (teaching, building),
            (teaching, workshop),
            (dorm, dormitory),
            (canteen, dining),
            (discipline, building),
        ]
        people = self.rng.sample(self.staff, 60)
        for term in (spring, autumn):
            slots = []
            for weekday in range(5):
                slots.append(
                    TimeSlot(
                        school=school,
                        term=term,
                        weekday=weekday,
                        starts_at=dt.time(7, 0),
                        ends_at=dt.time(8, 0),
                        label="早",
                    )
                )
                slots.append(
                    TimeSlot(
                        school=school,
                        term=term,
                        weekday=weekday,
                        starts_at=dt.time(12, 0),
                        ends_at=dt.time(13, 30),
                        label="午",
                    )
                )
                slots.append(
                    TimeSlot(
                        school=school,
                        term=term,
                        weekday=weekday,
                        starts_at=dt.time(19, 0),
                        ends_at=dt.time(21, 30),
                        label="晚",
                    )
                )
            TimeSlot.objects.bulk_create(slots)
            cells = []
            for post_index, (line, place) in enumerate(posts):
                for slot_index, slot in enumerate(slots):
                    if term == autumn and line == discipline and slot_index == 14:
                        continue  # Friday evening of discipline left out: a time gap
                    person: Staff | None = people[
                        (post_index * 3 + slot_index // 5 + slot.weekday) % len(people)
                    ]
                    if term == autumn and line == dorm and slot_index == 2:
                        person = None  # Monday evening of the dormitory not filled: a blank
                    cells.append(
                        GridCell(
                            school=school,
                            term=term,
                            line=line,
                            place=place,
                            slot=slot,
                            person=person,
                        )
                    )
            created = GridCell.objects.bulk_create(cells)
            if term == autumn:
                # One teacher given two posts on Tuesday morning: a double booking.
                first, second = created[3], created[len(slots) * 5 + 3]
                second.person = first.person
                second.save(update_fields=["person"])
                # And one on post while on sick leave for a week in November.
                absent = created[len(slots) * 2 + 6].person
                if absent is not None:
                    Leave.objects.create(
                        school=school,
                        person=absent,
                        starts_on=dt.date(YEAR, 11, 11),
                        ends_on=dt.date(YEAR, 11, 15),
                        reason="病假",
                    )
                GridException.objects.create(
                    school=school, term=term, date=dt.date(YEAR, 10, 1), note="国庆节"
                )


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or MonthlyPlan.objects.for_school(school).exists():
        return "work system present"
    WorkDemo(school, random.Random(2013)).build()
    return (
        f"built {MonthlyPlan.objects.for_school(school).count()} monthly plans, "
        f"{WeeklyStatus.objects.for_school(school).count()} weekly statuses and the 2013 grid"
    )
