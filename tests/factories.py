"""factory_boy factories shared by the test suites of every app."""

from __future__ import annotations

import datetime as dt

import factory

from qingshan.accounts.models import Membership, User
from qingshan.core import models as tenant
from qingshan.core.validators import make_resident_id
from qingshan.organization import enums, models


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = tenant.Authority
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"县教育局{n}")
    slug = factory.Sequence(lambda n: f"county-{n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = tenant.School

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"测试职业中学{n}")
    slug = factory.Sequence(lambda n: f"school-{n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Department

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"部门{n}")


class GradeTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.GradeTeam

    school = factory.SubFactory(SchoolFactory)
    entry_year = factory.Sequence(lambda n: 2000 + n)
    name = factory.LazyAttribute(lambda o: f"{o.entry_year}级")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Term

    school = factory.SubFactory(SchoolFactory)
    school_year = factory.Sequence(lambda n: 2000 + n)
    semester = enums.Semester.AUTUMN
    start_date = factory.LazyAttribute(lambda o: dt.date(o.school_year, 9, 1))
    end_date = factory.LazyAttribute(lambda o: dt.date(o.school_year + 1, 1, 20))


class MajorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Major

    school = factory.SubFactory(SchoolFactory)
    code = factory.Sequence(lambda n: f"{n:02d}")
    name = factory.Sequence(lambda n: f"专业{n}")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Staff

    school = factory.SubFactory(SchoolFactory)
    staff_no = factory.Sequence(lambda n: f"T{n:05d}")
    name = factory.Sequence(lambda n: f"教师{n}")
    gender = enums.Gender.FEMALE
    id_number = factory.Sequence(
        lambda n: make_resident_id("511921", dt.date(1980, 1, 1), n % 1000)
    )
    hired_on = dt.date(2005, 9, 1)
    subject = "语文"


class SchoolClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SchoolClass

    school = factory.SubFactory(SchoolFactory)
    grade_team = factory.SubFactory(GradeTeamFactory, school=factory.SelfAttribute("..school"))
    entry_year = factory.SelfAttribute("grade_team.entry_year")
    name = factory.Sequence(lambda n: f"测试{n}班")
    track = enums.Track.VOCATIONAL
    major = factory.SubFactory(MajorFactory, school=factory.SelfAttribute("..school"))


class TeachingAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TeachingAssignment

    school = factory.SubFactory(SchoolFactory)
    teacher = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..school"))
    school_class = factory.SubFactory(SchoolClassFactory, school=factory.SelfAttribute("..school"))
    term = factory.SubFactory(TermFactory, school=factory.SelfAttribute("..school"))
    subject = factory.Sequence(lambda n: f"科目{n}")


class StudentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Student

    school = factory.SubFactory(SchoolFactory)
    student_no = factory.Sequence(lambda n: f"S{n:06d}")
    name = factory.Sequence(lambda n: f"学生{n}")
    gender = enums.Gender.MALE
    id_number = factory.Sequence(
        lambda n: make_resident_id("511921", dt.date(1997, 5, 1), n % 1000)
    )
    school_class = factory.SubFactory(SchoolClassFactory, school=factory.SelfAttribute("..school"))
    enrolled_on = dt.date(2012, 9, 1)


class GuardianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Guardian

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"家长{n}")


class GuardianLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.GuardianLink

    school = factory.SubFactory(SchoolFactory)
    guardian = factory.SubFactory(GuardianFactory, school=factory.SelfAttribute("..school"))
    student = factory.SubFactory(StudentFactory, school=factory.SelfAttribute("..school"))
    relation = enums.GuardianRelation.MOTHER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct-horse-battery")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = "teacher"
    school = factory.SubFactory(SchoolFactory)


def one_of_each(school: tenant.School, mark: str = "") -> dict[str, object]:
    """One record of every organisation resource of ``school`` (keyed like ``resources.BY_KEY``).

    ``mark`` goes into every name, so that a page showing any of them can be caught.
    """
    assignment = TeachingAssignmentFactory(
        school=school,
        subject=f"{mark}科目",
        teacher__name=f"{mark}教师",
        school_class__name=f"{mark}班",
        school_class__grade_team__name=f"{mark}级",
        school_class__major__name=f"{mark}专业",
    )
    link = GuardianLinkFactory(
        school=school,
        student__school_class=assignment.school_class,
        student__name=f"{mark}学生",
        guardian__name=f"{mark}家长",
    )
    return {
        "department": DepartmentFactory(school=school, name=f"{mark}部门"),
        "gradeteam": assignment.school_class.grade_team,
        "term": assignment.term,
        "major": assignment.school_class.major,
        "schoolclass": assignment.school_class,
        "teachingassignment": assignment,
        "staff": assignment.teacher,
        "student": link.student,
        "guardian": link.guardian,
    }


def open_every_term(school: tenant.School) -> None:
    """Opened terms of half a year each from 2010 to 2027: every day of them is inside one."""
    models.Term.objects.bulk_create(
        models.Term(
            school=school,
            school_year=year,
            semester=semester,
            start_date=start,
            end_date=end,
            opened_on=start,
        )
        for year in range(2010, 2027)
        for semester, start, end in (
            (enums.Semester.AUTUMN, dt.date(year, 8, 1), dt.date(year + 1, 1, 31)),
            (enums.Semester.SPRING, dt.date(year + 1, 2, 1), dt.date(year + 1, 7, 31)),
        )
    )
