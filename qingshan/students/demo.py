"""The demo school's students' paths, 2006–2013, consistent with ``organization``'s rolls: every
student's path ends where the roll says they are (their class, studying, graduated or dropped
out). Along the way some moved between the tracks (both ways) or majors in the first weeks of a
term, a few were suspended and returned, one programme runs 3+2 with a higher vocational college,
and teachers compiled local textbooks. Deterministic and idempotent: a school whose students have
paths is left alone.

The history is written as already-decided records (like every demo); the services write the same
shape, and the tests hold both to the invariants of ``services.paths``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.db import transaction

from qingshan.accounts.models import User
from qingshan.core.demo_vocabulary import demo_school
from qingshan.core.models import School
from qingshan.organization.enums import StudentStatus, Track
from qingshan.organization.models import Major, SchoolClass, Staff, Student, Term
from qingshan.students.enums import (
    CLASS_MOVING_KINDS,
    ChangeKind,
    ChangeStatus,
    EnrolmentState,
    Programme,
    TextbookState,
)
from qingshan.students.models import Enrolment, RollChange, Textbook, TextbookUse
from qingshan.students.services.numbers import issue_roll_numbers

JOINT_MAJOR = "电子技术应用"  # its classes run 3+2 with a higher vocational college from 2010
MOVE_SHARE = 0.04  # of each cohort, who began in the other track and moved in the first term
MAJOR_SHARE = 0.02
SUSPEND_SHARE = 0.015
LENGTH_SHARE = 0.01  # of those still studying: a longer (flexible) schooling from a later term
REASONS = {
    ChangeKind.TRACK: ("本人及家长申请，志愿学习专业技能", "本人申请，准备参加高考"),
    ChangeKind.MAJOR: ("本人兴趣转向，家长同意", "身体原因不适宜原专业实训"),
    ChangeKind.SUSPEND: ("因病休学", "家庭困难，申请休学"),
    ChangeKind.RETURN: ("休学期满，申请复学",),
    ChangeKind.LENGTH: ("半工半读，申请延长学习年限", "家庭农场生产需要，申请弹性学制"),
    ChangeKind.WITHDRAW: ("本人申请退学，外出务工", "家庭原因退学"),
    ChangeKind.GRADUATE: ("修完规定课程，成绩合格，准予毕业",),
}
TEXTBOOKS = (
    ("果树栽培实用技术", "果树栽培", "果树修剪与嫁接", 168),
    ("通江银耳栽培", "现代农艺技术", "食用菌栽培", 120),
    ("家用电器维修实训", "家用电器维修", "电器维修实训", 140),
    ("建筑施工识图", "建筑工程施工", "建筑识图", 156),
    ("园林苗木繁育", "园林苗圃", "苗木繁育", 132),
    ("畜禽常见病防治", "畜禽生产与疾病防治", "畜禽疾病防治", 150),
    ("通江乡土旅游", "旅游服务与管理", "地方导游基础", 98),
    ("川陕苏区红色文化读本", None, "德育", 86),
)


class StudentsDemo:
    def __init__(self, school: School, rng: random.Random) -> None:
        self.school, self.rng = school, rng
        self.admin = User.objects.filter(username="admin").first()
        self.terms = list(Term.objects.for_school(school).order_by("start_date"))
        classes = list(SchoolClass.objects.for_school(school).select_related("major"))
        self.by_cohort: dict[tuple[int, str], list[SchoolClass]] = defaultdict(list)
        for school_class in classes:
            self.by_cohort[(school_class.entry_year, school_class.track)].append(school_class)
        self.enrolments: list[Enrolment] = []
        self.changes: list[RollChange] = []
        self.links: list[tuple[int, int | None, int | None]] = []  # enrolment, closed, opened
        self.certificates = 0

    def build(self) -> None:
        students = list(
            Student.objects.for_school(self.school)
            .select_related("school_class__major")
            .order_by("pk")
        )
        for student in students:
            self.path(student)
        self.save()
        issue_roll_numbers(students, on=dt.date(2013, 9, 1))
        self.textbooks()

    # --- one student's path -----------------------------------------------------------------
    def term_start(self, day: dt.date) -> dt.date | None:
        """The first day of the first term that starts after ``day``."""
        return next((term.start_date for term in self.terms if term.start_date > day), None)

    def path(self, student: Student) -> None:
        school_class = student.school_class
        programme = (
            Programme.JOINT_3_2
            if school_class.major is not None
            and school_class.major.name == JOINT_MAJOR
            and school_class.entry_year >= 2010
            else Programme.STANDARD
        )
        steps: list[tuple[SchoolClass, str, dt.date, str | None]] = []  # class, state, from, kind
        start = student.enrolled_on
        roll = self.rng.random()
        moved_on = start + dt.timedelta(days=self.rng.randint(2, 12))
        end = student.left_on or dt.date(2013, 12, 31)
        other_track = Track.GENERAL if school_class.track == Track.VOCATIONAL else Track.VOCATIONAL
        earlier = [
            other
            for other in self.by_cohort.get((school_class.entry_year, other_track), [])
            if other.pk != school_class.pk
        ]
        same_track_other_major = [
            other
            for other in self.by_cohort.get((school_class.entry_year, school_class.track), [])
            if other.major_id not in (None, school_class.major_id)
        ]
        if roll < MOVE_SHARE and earlier and moved_on < end:
            steps.append((self.rng.choice(earlier), EnrolmentState.STUDYING, start, None))
            steps.append((school_class, EnrolmentState.STUDYING, moved_on, ChangeKind.TRACK))
        elif roll < MOVE_SHARE + MAJOR_SHARE and same_track_other_major and moved_on < end:
            steps.append(
                (self.rng.choice(same_track_other_major), EnrolmentState.STUDYING, start, None)
            )
            steps.append((school_class, EnrolmentState.STUDYING, moved_on, ChangeKind.MAJOR))
        else:
            steps.append((school_class, EnrolmentState.STUDYING, start, None))
        suspended_on = start + dt.timedelta(days=self.rng.randint(200, 420))
        returned_on = self.term_start(suspended_on + dt.timedelta(days=100))
        if (
            MOVE_SHARE + MAJOR_SHARE <= roll < MOVE_SHARE + MAJOR_SHARE + SUSPEND_SHARE
            and returned_on is not None
            and returned_on + dt.timedelta(days=3) < end
        ):
            steps.append((school_class, EnrolmentState.SUSPENDED, suspended_on, ChangeKind.SUSPEND))
            steps.append(
                (
                    school_class,
                    EnrolmentState.STUDYING,
                    returned_on + dt.timedelta(days=self.rng.randint(0, 6)),
                    ChangeKind.RETURN,
                )
            )
        lengthened_on = self.term_start(start + dt.timedelta(days=300))
        if (
            student.status == StudentStatus.STUDYING
            and roll >= 1 - LENGTH_SHARE
            and lengthened_on is not None
            and lengthened_on + dt.timedelta(days=10) < end
        ):
            steps.append((school_class, EnrolmentState.STUDYING, lengthened_on, ChangeKind.LENGTH))
        self.write(student, steps, programme)

    def change(
        self, student: Student, kind: str, day: dt.date, to_class: SchoolClass | None
    ) -> RollChange:
        certificate = ""
        if kind == ChangeKind.GRADUATE:
            self.certificates += 1
            certificate = f"51192{day.year}{self.certificates:05d}"
        change = RollChange(
            school=self.school,
            student=student,
            kind=kind,
            status=ChangeStatus.DONE,
            effective_on=day,
            reason=self.rng.choice(REASONS[ChangeKind(kind)]),
            to_class=to_class if kind in CLASS_MOVING_KINDS else None,
            to_length_years=to_class.length_years + 1
            if to_class is not None and kind == ChangeKind.LENGTH
            else None,
            certificate_no=certificate,
            requested_by=self.admin,
            requested_on=day - dt.timedelta(days=3),
            decided_by=self.admin,
            decided_on=day - dt.timedelta(days=1),
        )
        if kind == ChangeKind.TRACK:
            change.bureau_reference = f"通教学〔{day.year}〕{self.rng.randint(10, 90)}号"
            change.bureau_approved_on = day
        self.changes.append(change)
        return change

    def write(
        self,
        student: Student,
        steps: list[tuple[SchoolClass, str, dt.date, str | None]],
        programme: str,
    ) -> None:
        previous: Enrolment | None = None
        for school_class, state, starts_on, kind in steps:
            length = school_class.length_years + (kind == ChangeKind.LENGTH)
            enrolment = Enrolment(
                school=self.school,
                student=student,
                track=school_class.track,
                programme=programme,
                major=school_class.major,
                school_class=school_class,
                length_years=length,
                state=state,
                starts_on=starts_on,
            )
            if previous is not None and kind is not None:
                change = self.change(student, kind, starts_on, school_class)
                previous.ends_on = starts_on
                previous.closed_by, enrolment.opened_by = change, change
            self.enrolments.append(enrolment)
            previous = enrolment
        assert previous is not None
        if student.status != StudentStatus.STUDYING and student.left_on is not None:
            kind = (
                ChangeKind.GRADUATE
                if student.status == StudentStatus.GRADUATED
                else ChangeKind.WITHDRAW
            )
            previous.ends_on = student.left_on
            previous.closed_by = self.change(student, kind, student.left_on, None)

    def save(self) -> None:
        RollChange.objects.bulk_create(self.changes, batch_size=1000)
        for enrolment in self.enrolments:
            # the changes had no primary key when assigned; assigning again copies the new ids
            enrolment.closed_by = enrolment.closed_by
            enrolment.opened_by = enrolment.opened_by
        Enrolment.objects.bulk_create(self.enrolments, batch_size=1000)

    # --- local textbooks ----------------------------------------------------------------------
    def textbooks(self) -> None:
        majors = {major.name: major for major in Major.objects.for_school(self.school)}
        editors = list(
            Staff.objects.for_school(self.school).filter(subject="专业课").order_by("pk")[:24]
        ) or list(Staff.objects.for_school(self.school).order_by("pk")[:24])
        terms_2013 = [term for term in self.terms if term.start_date.year == 2013]
        for index, (title, major_name, course, pages) in enumerate(TEXTBOOKS):
            major = majors.get(major_name) if major_name else None
            book = Textbook.objects.create(
                school=self.school,
                title=title,
                major=major,
                course=course,
                edition=1 + (index % 3 == 0),
                printed_on=dt.date(2010 + index % 3, 8, 1),
                pages=pages,
                state=TextbookState.APPROVED if index < 7 else TextbookState.REVIEW,
                approved_on=dt.date(2010 + index % 3, 7, 1) if index < 7 else None,
            )
            book.editors.set(self.rng.sample(editors, min(len(editors), 2 + index % 2)))
            if book.state != TextbookState.APPROVED:
                continue
            classes = [
                school_class
                for school_class in SchoolClass.objects.for_school(self.school).filter(
                    entry_year__in=(2012, 2013)
                )
                if major is None or school_class.major_id == major.pk
            ]
            TextbookUse.objects.bulk_create(
                TextbookUse(
                    school=self.school,
                    textbook=book,
                    school_class=school_class,
                    term=term,
                    periods=self.rng.choice((36, 54, 72)),
                )
                for school_class in classes[:4]
                for term in terms_2013
            )


@transaction.atomic
def build_demo() -> str:
    school = demo_school()
    if school is None or Enrolment.objects.for_school(school).exists():
        return "students' paths present"
    StudentsDemo(school, random.Random(2009)).build()
    changes = RollChange.objects.for_school(school).count()
    return f"built the paths of {Student.objects.for_school(school).count()} students, {changes} roll changes"
