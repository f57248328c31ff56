"""The demo school's party branch: six groups, its members, five years (2009–2013) of recruitment,
meetings and study, appraisals, mentoring and dues.

Recruitment goes through the real services, so every demo recruit obeys the statutory rules; the
bulk of meetings, attendance and dues is bulk-created for speed. Deterministic and idempotent: a
school whose branch exists is left alone.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import transaction

from qingshan.core.dates import add_months
from qingshan.core.demo_vocabulary import demo_school
from qingshan.core.models import School
from qingshan.organization.enums import PoliticalStatus, StudentStatus
from qingshan.organization.models import Staff, Student
from qingshan.party.dues import monthly_dues
from qingshan.party.enums import (
    AppraisalGrade,
    AppraisalStatus,
    AttendanceStatus,
    CommitteeDuty,
    CultivationKind,
    IncomeKind,
    MeetingKind,
    MemberCategory,
    MemberStatus,
    MenteeKind,
    MentoringOutcome,
    Step,
)
from qingshan.party.models import (
    AppraisalEntry,
    AppraisalRound,
    Attendance,
    Branch,
    CommitteeSeat,
    DuesBase,
    DuesPayment,
    Meeting,
    Member,
    MentoringLog,
    MentoringPair,
    PartyGroup,
    Recruit,
)
from qingshan.party.rulesets import age_on
from qingshan.party.selectors.organisation import full_members_on
from qingshan.party.services import recruitment

FIRST_YEAR, LAST_YEAR = 2009, 2013
GROUPS = (
    "第一党小组（行政）",
    "第二党小组（教务）",
    "第三党小组（政教）",
    "第四党小组（实习实训）",
    "第五党小组（招生就业）",
    "第六党小组（培训与后勤）",
)
STUDY_TOPICS = (
    "学习党章和党内法规",
    "学习十八大报告精神",
    "学习《关于进一步加强基层组织建设的意见》",
    "职业教育法与学校发展",
    "师德师风建设专题",
    "学习身边的先进典型",
    "党风廉政建设专题",
    "学习科学发展观",
    "群众路线教育实践专题",
    "服务“三农”与阳光工程",
)
TEACHER_RECRUITS_PER_YEAR = 4
STUDENT_RECRUITS_PER_YEAR = 2


def _wednesdays(year: int) -> list[dt.date]:
    day = dt.date(year, 1, 1)
    day += dt.timedelta(days=(2 - day.weekday()) % 7)
    days = []
    while day.year == year:
        if not (
            dt.date(year, 1, 25) <= day <= dt.date(year, 2, 20)
            or dt.date(year, 7, 15) <= day <= dt.date(year, 8, 25)
        ):
            days.append(day)
        day += dt.timedelta(days=7)
    return days


class PartyDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school, self.rng = school, rng

    def build(self) -> None:
        self.branch = Branch.objects.create(
            school=self.school,
            name=f"{self.school.name}党支部",
            founded_on=dt.date(1985, 7, 1),
            higher_committee="中共通江县教育局委员会",
            study_time=dt.time(16, 30),
        )
        self.groups = PartyGroup.objects.bulk_create(
            PartyGroup(school=self.school, branch=self.branch, name=name, sort_order=index)
            for index, name in enumerate(GROUPS)
        )
        self.build_members()
        self.build_recruitment()
        self.build_meetings()
        self.build_appraisals()
        self.build_mentoring()
        self.build_dues()

    # --- members -------------------------------------------------------------------------
    def build_members(self) -> None:
        rng = self.rng
        staff = list(
            Staff.objects.for_school(self.school)
            .filter(political_status=PoliticalStatus.PARTY_MEMBER)
            .order_by("staff_no")
        )
        members = []
        for index, person in enumerate(staff):
            joined = dt.date(
                max(person.hired_on.year - rng.randint(0, 3), 1985),
                rng.choice((6, 7, 12)),
                rng.randint(1, 28),
            )
            members.append(
                Member(
                    school=self.school,
                    name=person.name,
                    gender=person.gender,
                    birth_date=person.birth_date,
                    category=MemberCategory.TEACHER,
                    staff=person,
                    group=self.groups[index % len(self.groups)],
                    status=MemberStatus.FULL,
                    joined_on=joined,
                    probation_ends_on=add_months(joined, 12),
                    full_on=add_months(joined, 12),
                    phone=person.phone,
                )
            )
        self.members = Member.objects.bulk_create(members)
        for group, leader in zip(self.groups, self.members, strict=False):
            group.leader = leader
        PartyGroup.objects.bulk_update(self.groups, ["leader"])
        duties = (
            CommitteeDuty.SECRETARY,
            CommitteeDuty.DEPUTY_SECRETARY,
            CommitteeDuty.ORGANISATION,
            CommitteeDuty.PROPAGANDA,
            CommitteeDuty.DISCIPLINE,
        )
        CommitteeSeat.objects.bulk_create(
            CommitteeSeat(
                school=self.school,
                branch=self.branch,
                member=member,
                duty=duty,
                start_on=dt.date(2008, 9, 1),
            )
            for member, duty in zip(self.members[6:], duties, strict=False)
        )
        self.secretary = self.members[6]

    # --- recruitment ---------------------------------------------------------------------
    def _vote(self, day: dt.date) -> dict[str, int]:
        entitled = full_members_on(schools=[self.school.pk], day=day).count()
        attended = entitled - self.rng.randint(1, 4)
        yes = attended - self.rng.randint(0, 2)
        return {
            "entitled_to_vote": entitled,
            "attended": attended,
            "yes_votes": yes,
            "no_votes": 0,
            "abstentions": attended - yes,
            "written_yes_votes": 0,
        }

    def _sponsors(self, day: dt.date) -> list[Member]:
        full = [
            m
            for m in self.members
            if m.full_on and m.full_on <= day and m.status == MemberStatus.FULL
        ]
        return self.rng.sample(full, 2)

    def build_recruitment(self) -> None:
        rng = self.rng
        cutoff = dt.date(LAST_YEAR, 12, 20)
        teachers = list(
            Staff.objects.for_school(self.school)
            .exclude(political_status=PoliticalStatus.PARTY_MEMBER)
            .filter(left_on__isnull=True)
            .order_by("staff_no")
        )
        rng.shuffle(teachers)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            applied = [
                dt.date(year, rng.randint(2, 5), rng.randint(1, 28))
                for _ in range(TEACHER_RECRUITS_PER_YEAR + STUDENT_RECRUITS_PER_YEAR)
            ]
            students = list(
                Student.objects.for_school(self.school)
                .filter(
                    school_class__entry_year=year - 2,
                    status__in=(StudentStatus.GRADUATED, StudentStatus.STUDYING),
                )
                .exclude(birth_date__gt=dt.date(year - 18, 1, 1))
                .order_by("student_no")[:STUDENT_RECRUITS_PER_YEAR]
            )
            people: list[Any] = [
                teachers.pop() for _ in range(TEACHER_RECRUITS_PER_YEAR)
            ] + students
            for person, applied_on in zip(people, applied, strict=False):
                is_student = isinstance(person, Student)
                recruit = recruitment.register_application(
                    school=self.school,
                    name=person.name,
                    gender=person.gender,
                    birth_date=person.birth_date,
                    applied_on=applied_on,
                    category=MemberCategory.STUDENT if is_student else MemberCategory.TEACHER,
                    staff=None if is_student else person,
                    student=person if is_student else None,
                    is_league_member=is_student or age_on(person.birth_date, applied_on) <= 28,
                )
                self.advance(recruit, applied_on, cutoff)

    def advance(self, recruit: Recruit, applied_on: dt.date, cutoff: dt.date) -> None:
        """Take a recruit through the steps at a believable pace, stopping at ``cutoff``."""
        rng = self.rng
        contact = rng.choice([m for m in self.members if m.full_on and m.full_on < applied_on])
        day = applied_on + dt.timedelta(days=rng.randint(7, 25))
        plan: list[tuple[int, dt.date, dict[str, Any]]] = [
            (
                Step.APPLICATION_TALK,
                day,
                {"actors": [contact], "opinion": "入党动机端正，对党的认识较清楚。"},
            )
        ]
        activist_on = day + dt.timedelta(days=rng.randint(60, 150))
        plan += [
            (
                Step.ACTIVIST_CHOSEN,
                activist_on,
                {"league_recommended": True, "meeting_reference": "支部委员会"},
            ),
            (
                Step.ACTIVIST_FILED,
                activist_on + dt.timedelta(days=10),
                {"other_actors": "县教育局党委"},
            ),
            (Step.CONTACTS_ASSIGNED, activist_on + dt.timedelta(days=12), {"actors": [contact]}),
            (
                Step.CULTIVATION,
                activist_on + dt.timedelta(days=20),
                {"end_date": add_months(activist_on, 12)},
            ),
        ]
        candidate_on = add_months(activist_on, 12) + dt.timedelta(days=rng.randint(5, 40))
        plan += [
            (Step.CANDIDATE_CHOSEN, candidate_on, {"meeting_reference": "支部委员会"}),
            (Step.CANDIDATE_FILED, candidate_on + dt.timedelta(days=7), {}),
            (
                Step.SPONSORS_CHOSEN,
                candidate_on + dt.timedelta(days=10),
                {"actors": self._sponsors(candidate_on)},
            ),
            (
                Step.POLITICAL_REVIEW,
                candidate_on + dt.timedelta(days=20),
                {"opinion": "政治审查合格。"},
            ),
            (
                Step.TRAINING,
                candidate_on + dt.timedelta(days=30),
                {
                    "training_days": 3,
                    "training_hours": 24,
                    "end_date": candidate_on + dt.timedelta(days=32),
                },
            ),
            (Step.COMMITTEE_REVIEW, candidate_on + dt.timedelta(days=40), {}),
            (Step.PRE_REVIEW, candidate_on + dt.timedelta(days=45), {}),
            (Step.APPLICATION_FORM, candidate_on + dt.timedelta(days=50), {}),
        ]
        vote_on = candidate_on + dt.timedelta(days=60)
        plan += [
            (Step.BRANCH_VOTE, vote_on, {"meeting_reference": "支部党员大会", "vote": True}),
            (Step.HIGHER_TALK, vote_on + dt.timedelta(days=20), {}),
            (Step.APPROVAL, vote_on + dt.timedelta(days=rng.randint(30, 80)), {}),
            (Step.APPROVAL_FILED, vote_on + dt.timedelta(days=90), {}),
            (Step.GROUP_ASSIGNED, vote_on + dt.timedelta(days=92), {}),
            (Step.OATH, vote_on + dt.timedelta(days=95), {}),
            (Step.PROBATION_EDUCATION, vote_on + dt.timedelta(days=100), {}),
        ]
        probation_end = add_months(vote_on, 12)
        plan += [
            (Step.CONVERSION_APPLICATION, probation_end - dt.timedelta(days=20), {}),
            (
                Step.CONVERSION_VOTE,
                probation_end + dt.timedelta(days=rng.randint(1, 20)),
                {"meeting_reference": "支部党员大会", "vote": True},
            ),
        ]
        conversion_vote = plan[-1][1]
        plan += [
            (
                Step.CONVERSION_APPROVAL,
                conversion_vote + dt.timedelta(days=rng.randint(20, 60)),
                {},
            ),
            (Step.ARCHIVED, conversion_vote + dt.timedelta(days=80), {}),
        ]
        self._cultivation(recruit, activist_on, min(candidate_on, cutoff))
        for step, date, options in plan:
            if date > cutoff:
                return
            if options.pop("vote", False):
                options.update(self._vote(date))
            recruitment.record_step(recruit=recruit, step=step, date=date, **options)
            if step == Step.APPROVAL:
                recruit.refresh_from_db()
                self.members.append(recruit.member)  # type: ignore[arg-type]

    def _cultivation(self, recruit: Recruit, start: dt.date, end: dt.date) -> None:
        day = add_months(start, 3)
        quarter = 0
        while day <= end:
            recruitment.add_cultivation_record(
                recruit=recruit,
                kind=CultivationKind.THOUGHT_REPORT,
                date=day - dt.timedelta(days=3),
                summary="季度思想汇报",
            )
            quarter += 1
            if quarter % 2 == 0:
                recruitment.add_cultivation_record(
                    recruit=recruit,
                    kind=CultivationKind.ASSESSMENT,
                    date=day - dt.timedelta(days=1),
                    summary="支部半年考察：表现良好",
                )
            day = add_months(day, 3)

    # --- meetings ------------------------------------------------------------------------
    def _meeting(
        self,
        kind: str,
        date: dt.date,
        topic: str,
        group: PartyGroup | None = None,
        hours: str = "1.5",
    ) -> Meeting:
        return Meeting(
            school=self.school,
            branch=self.branch,
            group=group,
            kind=kind,
            date=date,
            start_time=dt.time(16, 30),
            hours=Decimal(hours),
            topic=topic,
            content=f"{topic}。学习原文，联系学校实际开展讨论。",
            moderator=group.leader if group else self.secretary,
            location="学校会议室",
        )

    def build_meetings(self) -> None:
        rng = self.rng
        meetings: list[Meeting] = []
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for week, day in enumerate(_wednesdays(year)):
                meetings.append(
                    self._meeting(
                        MeetingKind.POLITICAL_STUDY, day, STUDY_TOPICS[week % len(STUDY_TOPICS)]
                    )
                )
            for month in range(1, 13):
                first = dt.date(year, month, 5)
                meetings.append(
                    self._meeting(
                        MeetingKind.COMMITTEE_MEETING,
                        first,
                        "研究部署本月党建与教学管理工作（三同步）",
                    )
                )
                meetings += [
                    self._meeting(
                        MeetingKind.GROUP_MEETING,
                        first + dt.timedelta(days=3),
                        "党小组会：交流学习体会",
                        group,
                    )
                    for group in self.groups
                ]
                if month % 3 == 0:
                    meetings.append(
                        self._meeting(
                            MeetingKind.MEMBERS_MEETING,
                            dt.date(year, month, 20),
                            "支部党员大会：通报季度工作",
                            hours="2",
                        )
                    )
                    meetings.append(
                        self._meeting(
                            MeetingKind.PARTY_LESSON,
                            dt.date(year, month, 25),
                            "书记讲党课",
                            hours="2",
                        )
                    )
        meetings = Meeting.objects.bulk_create(meetings, batch_size=500)
        rows = []
        for meeting in meetings:
            present_members = [
                m
                for m in self.members
                if m.joined_on <= meeting.date
                and (meeting.group_id is None or m.group_id == meeting.group_id)
            ]
            if meeting.kind == MeetingKind.COMMITTEE_MEETING:
                continue
            for member in present_members:
                roll = rng.random()
                status = (
                    AttendanceStatus.PRESENT
                    if roll < 0.92
                    else AttendanceStatus.EXCUSED
                    if roll < 0.98
                    else AttendanceStatus.ABSENT
                )
                rows.append(
                    Attendance(school=self.school, meeting=meeting, member=member, status=status)
                )
        Attendance.objects.bulk_create(rows, batch_size=2000)

    # --- appraisal, mentoring, dues ----------------------------------------------------------
    def build_appraisals(self) -> None:
        rng = self.rng
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            year_end = dt.date(year, 12, 31)
            current = AppraisalRound.objects.create(
                school=self.school,
                branch=self.branch,
                year=year,
                status=AppraisalStatus.CLOSED,
                decided_on=dt.date(year + 1, 1, 10),
            )
            present = [m for m in self.members if m.joined_on <= year_end]
            graded = [m for m in present if m.full_on and m.full_on <= year_end]
            excellent = set(rng.sample(graded, len(graded) // 4))
            basic = set(
                rng.sample([m for m in graded if m not in excellent], 1 if year == 2011 else 0)
            )
            entries = []
            for member in present:
                probationary = member not in graded
                grade = (
                    ""
                    if probationary
                    else AppraisalGrade.EXCELLENT
                    if member in excellent
                    else AppraisalGrade.BASICALLY_QUALIFIED
                    if member in basic
                    else AppraisalGrade.QUALIFIED
                )
                voters = len(present)
                top = (
                    rng.randint(voters // 2, voters)
                    if member in excellent
                    else rng.randint(0, voters // 4)
                )
                entries.append(
                    AppraisalEntry(
                        school=self.school,
                        round=current,
                        member=member,
                        was_probationary=probationary,
                        self_appraisal="认真学习，履职尽责。",
                        votes_excellent=top,
                        votes_qualified=voters - top,
                        grade=grade,
                        follow_up="书记谈心谈话，限期整改。" if member in basic else "",
                    )
                )
            AppraisalEntry.objects.bulk_create(entries)

    def build_mentoring(self) -> None:
        rng = self.rng
        young = list(
            Staff.objects.for_school(self.school)
            .filter(hired_on__year__gte=2008)
            .exclude(political_status=PoliticalStatus.PARTY_MEMBER)[:12]
        )
        mentors = [m for m in self.members if m.staff_id and m.joined_on.year < 2000]
        for teacher in young:
            start = max(teacher.hired_on, dt.date(2009, 9, 1))
            pair = MentoringPair.objects.create(
                school=self.school,
                mentor=rng.choice(mentors),
                kind=MenteeKind.YOUNG_TEACHER,
                mentee_staff=teacher,
                start_on=start,
                goal="站稳讲台，提高教学技能",
                outcome=MentoringOutcome.ONGOING,
            )
            MentoringLog.objects.bulk_create(
                MentoringLog(
                    school=self.school,
                    pair=pair,
                    date=start + dt.timedelta(days=30 * n),
                    note="听课、评课，交流班级管理经验",
                )
                for n in range(1, 6)
            )
        for recruit in Recruit.objects.for_school(self.school).prefetch_related("contacts"):
            contact = recruit.contacts.first()
            activist_step = recruit.steps.filter(step=Step.CONTACTS_ASSIGNED).first()
            if contact is None or activist_step is None:
                continue
            joined = recruit.steps.filter(step=Step.APPROVAL).first()
            MentoringPair.objects.create(
                school=self.school,
                mentor=contact,
                kind=MenteeKind.ACTIVIST,
                mentee_recruit=recruit,
                start_on=activist_step.date,
                end_on=joined.date if joined else None,
                outcome=MentoringOutcome.BECAME_MEMBER if joined else MentoringOutcome.ONGOING,
            )

    def build_dues(self) -> None:
        rng = self.rng
        last_month = dt.date(LAST_YEAR, 12, 1)
        bases, payments = [], []
        for member in self.members:
            kind = (
                IncomeKind.STUDENT
                if member.category == MemberCategory.STUDENT
                else IncomeKind.EMPLOYED
            )
            income = (
                Decimal(rng.randrange(2200, 4800, 100))
                if kind == IncomeKind.EMPLOYED
                else Decimal("0")
            )
            start = max(dt.date(FIRST_YEAR, 1, 1), member.joined_on.replace(day=1))
            dues = monthly_dues(kind, income)
            bases.append(
                DuesBase(
                    school=self.school,
                    member=member,
                    valid_from=start,
                    income_kind=kind,
                    monthly_income=income,
                    monthly_dues=dues,
                )
            )
            month = start
            late = rng.random() < 0.08
            while month <= last_month:
                if not (late and month >= dt.date(LAST_YEAR, 10, 1)):
                    payments.append(
                        DuesPayment(
                            school=self.school,
                            member=member,
                            month=month,
                            amount=dues,
                            paid_on=month + dt.timedelta(days=9),
                        )
                    )
                month = add_months(month, 1)
        DuesBase.objects.bulk_create(bases)
        DuesPayment.objects.bulk_create(payments, batch_size=2000)


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or Branch.objects.for_school(school).exists():
        return "party branch present"
    PartyDemo(school, random.Random(1921)).build()
    members = Member.objects.for_school(school).count()
    recruits = Recruit.objects.for_school(school).count()
    return f"built the branch: {len(GROUPS)} groups, {members} members, {recruits} recruits"
