"""The demo schools: the seed's vocational school in Tongjiang County, and a small second school.

Deterministic (a fixed random seed) and idempotent: a school that exists already is left alone.
Rows are bulk-created for speed; they pass the same database constraints as any other row.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from qingshan.accounts.models import User
from qingshan.accounts.services import create_user, grant_membership
from qingshan.core.demo_vocabulary import DEMO_SCHOOL_SLUG, REGION_CODE, TOWNSHIPS, person_name
from qingshan.core.models import Authority, School
from qingshan.core.validators import make_resident_id
from qingshan.organization.enums import (
    Education,
    Gender,
    GuardianRelation,
    Household,
    PoliticalStatus,
    ProfessionalTitle,
    Semester,
    StudentStatus,
    Track,
)
from qingshan.organization.models import (
    Department,
    GradeTeam,
    Guardian,
    GuardianLink,
    Major,
    SchoolClass,
    Staff,
    Student,
    TeachingAssignment,
    Term,
)

SECOND_SCHOOL_SLUG = "nuoshuihe"
FIRST_YEAR, LAST_YEAR = 2009, 2013

DEPARTMENTS = (
    ("校长办公室", "行政、文书、档案"),
    ("党支部办公室", "党建、组织、宣传"),
    ("教务处", "教学管理、课程、考务"),
    ("政教处", "德育、学生管理、安全"),
    ("总务处", "后勤、食堂、宿舍"),
    ("招生就业处", "招生、订单培养、毕业生安置"),
    ("实习实训处", "生产实习、农场、苗圃、校办企业"),
    ("心理健康教育中心", "心理咨询室、心理健康课程"),
    ("培训中心", "阳光工程农民工培训、科技下乡"),
)

# (code, name, established year, vocational classes per entry year)
MAJORS = (
    ("01", "果树栽培", 1986, 1),
    ("02", "电子技术应用", 1992, 2),
    ("03", "建筑工程施工", 1995, 2),
    ("04", "畜禽生产与疾病防治", 1990, 1),
    ("05", "家用电器维修", 1998, 1),
    ("06", "园林苗圃", 2001, 1),
    ("07", "现代农艺技术", 2003, 1),
    ("08", "计算机应用", 2005, 2),
    ("09", "旅游服务与管理", 2006, 1),
)
GENERAL_CLASSES_PER_YEAR = 2
CLASS_SIZE = (40, 52)
GENERAL_SUBJECTS = ("语文", "数学", "英语", "体育")
TEACHER_SUBJECTS = ("语文", "数学", "英语", "体育", "政治", "物理", "化学", "历史")

DEMO_PASSWORD = "qingshan-demo"
DEMO_LOGINS = (
    ("admin", "school_admin", "学校管理员"),
    ("secretary", "secretary", "支部书记"),
    ("head", "department_head", "教务处主任"),
    ("teacher", "teacher", "任课教师"),
    ("counselor", "counselor", "心理咨询教师"),
    ("student", "student", "学生"),
)


@dataclass
class SchoolPlan:
    slug: str
    name: str
    short_name: str
    code: str
    founded: int
    majors: tuple[tuple[str, str, int, int], ...]
    general_classes: int
    departments: tuple[tuple[str, str], ...]
    staff_count: int


SEED_SCHOOL = SchoolPlan(
    slug=DEMO_SCHOOL_SLUG,
    name="通江县职业高级中学",
    short_name="通江职中",
    code="5119210001",
    founded=1984,
    majors=MAJORS,
    general_classes=GENERAL_CLASSES_PER_YEAR,
    departments=DEPARTMENTS,
    staff_count=150,
)
SECOND_SCHOOL = SchoolPlan(
    slug=SECOND_SCHOOL_SLUG,
    name="诺水河职业技术学校",
    short_name="诺水河职校",
    code="5119210002",
    founded=2008,
    majors=(("01", "旅游服务与管理", 2008, 1), ("02", "烹饪", 2008, 1)),
    general_classes=0,
    departments=(("办公室", "行政"), ("教务处", "教学")),
    staff_count=16,
)


def term_dates(school_year: int, semester: int) -> tuple[dt.date, dt.date]:
    if semester == Semester.AUTUMN:
        return dt.date(school_year, 9, 1), dt.date(school_year + 1, 1, 20)
    return dt.date(school_year + 1, 2, 25), dt.date(school_year + 1, 7, 10)


# The demo school works in Qingshan from the spring of 2013 (its filings are of 2013); its current
# term is the autumn of 2013, earlier terms were never opened and later ones not yet.
CURRENT_TERM = (LAST_YEAR, Semester.AUTUMN)
FIRST_OPENED_TERM = (LAST_YEAR - 1, Semester.SPRING)


def demo_term_state(school_year: int, semester: int) -> dict[str, object]:
    start, end = term_dates(school_year, semester)
    if not FIRST_OPENED_TERM <= (school_year, semester) <= CURRENT_TERM:
        return {}
    current = (school_year, semester) == CURRENT_TERM
    return {"opened_on": start, "closed_on": None if current else end, "is_current": current}


class Builder:
    def __init__(self, plan: SchoolPlan, authority: Authority, rng: random.Random) -> None:
        self.plan, self.authority, self.rng = plan, authority, rng
        self.used_ids: set[str] = set()

    def resident_id(self, birth: dt.date, female: bool) -> str:
        """A valid, unused ID number; its 17th digit is odd for men and even for women."""
        while True:
            order = self.rng.randrange(0, 500) * 2 + (0 if female else 1)
            number = make_resident_id(REGION_CODE, birth, order)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def build(self) -> School:
        plan = self.plan
        school = School.objects.create(
            authority=self.authority,
            name=plan.name,
            short_name=plan.short_name,
            slug=plan.slug,
            code=plan.code,
            address="四川省巴中市通江县",
            founded_year=plan.founded,
        )
        departments = Department.objects.bulk_create(
            Department(school=school, name=name, description=description, sort_order=index)
            for index, (name, description) in enumerate(plan.departments)
        )
        staff = self.build_staff(school, departments)
        for department, head in zip(departments, staff[1 : len(departments) + 1], strict=False):
            department.head = head
        Department.objects.bulk_update(departments, ["head"])
        majors = Major.objects.bulk_create(
            Major(school=school, code=code, name=name, established_year=year)
            for code, name, year, _n in plan.majors
        )
        terms = Term.objects.bulk_create(
            Term(
                school=school,
                school_year=year,
                semester=semester,
                start_date=start,
                end_date=end,
                **demo_term_state(year, semester),
            )
            for year in range(FIRST_YEAR - 1, LAST_YEAR + 1)
            for semester in Semester.values
            if (year, semester) != (FIRST_YEAR - 1, Semester.AUTUMN)
            for start, end in [term_dates(year, semester)]
        )
        teachers = [member for member in staff if member.subject]
        classes = self.build_classes(school, majors, teachers)
        self.build_students(school, classes)
        self.build_assignments(school, classes, terms, teachers)
        return school

    def build_staff(self, school: School, departments: list[Department]) -> list[Staff]:
        rng, rows = self.rng, []
        for index in range(self.plan.staff_count):
            female = rng.random() < 0.45
            birth = dt.date(rng.randint(1955, 1990), rng.randint(1, 12), rng.randint(1, 28))
            hired = dt.date(
                min(max(birth.year + rng.randint(22, 28), self.plan.founded), LAST_YEAR), 9, 1
            )
            leaves = hired.year < LAST_YEAR and rng.random() < 0.08
            left = (
                dt.date(rng.randint(max(hired.year + 1, FIRST_YEAR), LAST_YEAR), 7, 15)
                if leaves
                else None
            )
            rows.append(
                Staff(
                    school=school,
                    staff_no=f"T{index + 1:04d}",
                    name=person_name(rng, female=female),
                    gender=Gender.FEMALE if female else Gender.MALE,
                    id_number=self.resident_id(birth, female),
                    birth_date=birth,
                    political_status=PoliticalStatus.PARTY_MEMBER
                    if rng.random() < 0.3
                    else PoliticalStatus.MASSES,
                    phone=f"139{rng.randint(10000000, 99999999)}",
                    department=departments[index % len(departments)],
                    position="教师" if index >= len(departments) + 1 else "主任",
                    title=rng.choice(ProfessionalTitle.values[:4]),
                    education=rng.choice(
                        [Education.BACHELOR, Education.BACHELOR, Education.COLLEGE]
                    ),
                    subject=rng.choice(TEACHER_SUBJECTS) if index % 5 else "",
                    hired_on=hired,
                    left_on=left,
                )
            )
        return Staff.objects.bulk_create(rows)

    def build_classes(
        self, school: School, majors: list[Major], teachers: list[Staff]
    ) -> list[SchoolClass]:
        rng, rows = self.rng, []
        first_entry = FIRST_YEAR - 3
        teams = GradeTeam.objects.bulk_create(
            GradeTeam(school=school, name=f"{year}级", entry_year=year, leader=rng.choice(teachers))
            for year in range(first_entry, LAST_YEAR + 1)
        )
        for team in teams:
            year = team.entry_year
            for number in range(1, self.plan.general_classes + 1):
                rows.append(
                    SchoolClass(
                        school=school,
                        name=f"{year}级普高{number}班",
                        grade_team=team,
                        track=Track.GENERAL,
                        entry_year=year,
                        head_teacher=rng.choice(teachers),
                    )
                )
            for major, (_code, name, established, per_year) in zip(
                majors, self.plan.majors, strict=True
            ):
                if established > year:
                    continue
                for number in range(1, per_year + 1):
                    rows.append(
                        SchoolClass(
                            school=school,
                            name=f"{year}级{name}{number}班",
                            grade_team=team,
                            track=Track.VOCATIONAL,
                            major=major,
                            entry_year=year,
                            head_teacher=rng.choice(teachers),
                        )
                    )
        return SchoolClass.objects.bulk_create(rows)

    def build_students(self, school: School, classes: list[SchoolClass]) -> None:
        rng, students = self.rng, []
        counter = 0
        for school_class in classes:
            for _seat in range(rng.randint(*CLASS_SIZE)):
                counter += 1
                female = rng.random() < 0.42
                birth = dt.date(
                    school_class.entry_year - 15 - (rng.random() < 0.3),
                    rng.randint(1, 12),
                    rng.randint(1, 28),
                )
                enrolled = dt.date(school_class.entry_year, 9, 1)
                graduation = dt.date(school_class.entry_year + school_class.length_years, 7, 1)
                status, left = StudentStatus.STUDYING, None
                roll = rng.random()
                if roll < 0.03:
                    status = StudentStatus.DROPPED_OUT
                    left = enrolled + dt.timedelta(days=rng.randint(60, 700))
                elif graduation <= dt.date(LAST_YEAR, 12, 31):
                    status, left = StudentStatus.GRADUATED, graduation
                students.append(
                    Student(
                        school=school,
                        student_no=f"{school_class.entry_year}{counter:05d}",
                        name=person_name(rng, female=female),
                        gender=Gender.FEMALE if female else Gender.MALE,
                        id_number=self.resident_id(birth, female),
                        birth_date=birth,
                        political_status=PoliticalStatus.LEAGUE
                        if rng.random() < 0.6
                        else PoliticalStatus.MASSES,
                        school_class=school_class,
                        enrolled_on=enrolled,
                        left_on=left,
                        status=status,
                        household=Household.RURAL if rng.random() < 0.85 else Household.URBAN,
                        boarding=rng.random() < 0.7,
                        home_address=f"通江县{rng.choice(TOWNSHIPS)}",
                    )
                )
        students = Student.objects.bulk_create(students, batch_size=1000)
        guardians = Guardian.objects.bulk_create(
            (
                Guardian(
                    school=school,
                    name=student.name[0] + person_name(rng, female=False)[1:],
                    phone=f"138{rng.randint(10000000, 99999999)}",
                    workplace=rng.choice(("务农", "外出务工", "个体经营", "")),
                )
                for student in students
            ),
            batch_size=1000,
        )
        GuardianLink.objects.bulk_create(
            (
                GuardianLink(
                    school=school,
                    guardian=guardian,
                    student=student,
                    relation=GuardianRelation.FATHER,
                )
                for guardian, student in zip(guardians, students, strict=True)
            ),
            batch_size=1000,
        )

    def build_assignments(
        self, school: School, classes: list[SchoolClass], terms: list[Term], teachers: list[Staff]
    ) -> None:
        rng, rows = self.rng, []
        by_subject: dict[str, list[Staff]] = {}
        for teacher in teachers:
            by_subject.setdefault(teacher.subject, []).append(teacher)
        for term in terms:
            for school_class in classes:
                if (
                    not school_class.entry_year
                    <= term.school_year
                    < school_class.entry_year + school_class.length_years
                ):
                    continue
                subjects = (
                    [*GENERAL_SUBJECTS, "专业课"]
                    if school_class.track == Track.VOCATIONAL
                    else [*GENERAL_SUBJECTS, "物理", "化学"]
                )
                for subject in subjects:
                    pool = by_subject.get(subject) or teachers
                    rows.append(
                        TeachingAssignment(
                            school=school,
                            term=term,
                            school_class=school_class,
                            subject=subject,
                            teacher=rng.choice(pool),
                            weekly_hours=4 if subject != "体育" else 2,
                        )
                    )
        TeachingAssignment.objects.bulk_create(rows, batch_size=1000)


def ensure_authority() -> Authority:
    authority, _created = Authority.objects.get_or_create(
        slug="tongjiang", defaults={"name": "通江县教育局", "region_code": REGION_CODE}
    )
    return authority


def ensure_logins(seed_school: School, second_school: School, authority: Authority) -> None:
    def login(username: str, full_name: str) -> User:
        user = User.objects.filter(username=username).first()
        return user or create_user(
            username=username, password=DEMO_PASSWORD, full_name=full_name, check_password=False
        )

    for username, role, full_name in DEMO_LOGINS:
        grant_membership(user=login(username, full_name), role=role, school=seed_school)
    grant_membership(user=login("bureau", "县教育局"), role="authority_viewer", authority=authority)
    grant_membership(
        user=login("admin2", "诺水河管理员"), role="school_admin", school=second_school
    )

    link_head_login(seed_school)
    teacher_user = User.objects.get(username="teacher")
    if not Staff.objects.filter(user=teacher_user).exists():
        teacher = (
            Staff.objects.for_school(seed_school)
            .filter(subject="语文", left_on__isnull=True, user__isnull=True)
            .exclude(
                pk__in=Department.objects.for_school(seed_school).values("head").exclude(head=None)
            )
            .order_by("staff_no")
            .first()
        )
        if teacher is not None:
            teacher.user = teacher_user
            teacher.save(update_fields=["user"])
    student_user = User.objects.get(username="student")
    if not Student.objects.filter(user=student_user).exists():
        student = (
            Student.objects.for_school(seed_school)
            .filter(status=StudentStatus.STUDYING, school_class__entry_year=LAST_YEAR)
            .order_by("student_no")
            .first()
        )
        if student is not None:
            student.user = student_user
            student.save(update_fields=["user"])


def link_head_login(school: School) -> None:
    """The ``head`` login is the head of 教务处 (the teaching affairs office), so that it files
    that department's monthly plan; linked before any other login takes that staff member."""
    head_user = User.objects.get(username="head")
    if Staff.objects.filter(user=head_user).exists():
        return
    department = (
        Department.objects.for_school(school).filter(name="教务处").select_related("head").first()
    )
    if department is None or department.head is None:
        return
    if department.head.user_id is not None:
        department.head = (
            Staff.objects.for_school(school)
            .filter(user__isnull=True, left_on__isnull=True)
            .exclude(pk__in=Department.objects.for_school(school).values("head").exclude(head=None))
            .order_by("staff_no")
            .first()
        )
        if department.head is None:
            return
        department.save(update_fields=["head"])
    department.head.user = head_user
    department.head.save(update_fields=["user"])


@transaction.atomic
def build_demo() -> str:
    authority = ensure_authority()
    built = []
    schools = {}
    for plan, seed in ((SEED_SCHOOL, 2013), (SECOND_SCHOOL, 2014)):
        school = School.objects.filter(slug=plan.slug).first()
        if school is None:
            school = Builder(plan, authority, random.Random(seed)).build()
            built.append(school.name)
        schools[plan.slug] = school
    ensure_logins(schools[DEMO_SCHOOL_SLUG], schools[SECOND_SCHOOL_SLUG], authority)
    status = ("built " + ", ".join(built)) if built else "demo schools present"
    return status


def login_table(url: str = "http://127.0.0.1:8000/") -> str:
    """The demo's logins, printed by ``make run`` once the server answers."""
    rows = [f"  {username:<10} {role}" for username, role, _name in DEMO_LOGINS]
    rows += [
        "  bureau     authority_viewer (every school of the county, read-only)",
        "  admin2     school_admin of the second school",
    ]
    otp = (
        "on"
        if settings.QS_REQUIRE_OTP
        else "off (set QS_REQUIRE_OTP=true to require them for privileged roles)"
    )
    return "\n".join(
        [
            "Demo logins (password: " + DEMO_PASSWORD + "):",
            *rows,
            f"One-time codes: {otp}",
            f"Qingshan is ready: open {url}",
        ]
    )
