from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from qingshan.core.errors import DomainError
from qingshan.organization import services
from qingshan.organization.models import Department, SchoolClass, Term
from tests import factories


def test_create_record_saves_and_audits_with_the_school(school: Any) -> None:
    department = services.create_record(school=school, model=Department, values={"name": "教务处"})

    entry = LogEntry.objects.get_for_object(department).get()
    assert department.school == school
    assert (entry.action, entry.additional_data) == (
        LogEntry.Action.CREATE,
        {"school_id": school.pk},
    )


def test_create_record_refuses_a_duplicate_name_with_a_clear_message(school: Any) -> None:
    services.create_record(school=school, model=Department, values={"name": "教务处"})

    with pytest.raises(ValidationError) as error:
        services.create_record(school=school, model=Department, values={"name": "教务处"})

    assert error.value.messages == ["A department with this name exists already."]
    assert Department.objects.count() == 1


def test_the_same_name_is_fine_at_another_school(school: Any, other_school: Any) -> None:
    services.create_record(school=school, model=Department, values={"name": "教务处"})
    services.create_record(school=other_school, model=Department, values={"name": "教务处"})

    assert Department.objects.count() == 2


def test_a_reference_to_another_schools_record_is_refused(school: Any, other_school: Any) -> None:
    foreign_team = factories.GradeTeamFactory(school=other_school)

    with pytest.raises(ValidationError) as error:
        services.create_record(
            school=school,
            model=SchoolClass,
            values={
                "name": "1班",
                "grade_team": foreign_team,
                "entry_year": 2013,
                "track": "general",
            },
        )

    assert "grade_team" in error.value.message_dict
    assert SchoolClass.objects.count() == 0


@pytest.mark.parametrize(
    ("track", "with_major", "valid"),
    [
        ("vocational", True, True),
        ("vocational", False, False),
        ("general", False, True),
        ("general", True, False),
    ],
)
def test_a_class_has_a_major_exactly_when_vocational(
    school: Any, track: str, with_major: bool, valid: bool
) -> None:
    values = {
        "name": "1班",
        "grade_team": factories.GradeTeamFactory(school=school),
        "entry_year": 2013,
        "track": track,
        "major": factories.MajorFactory(school=school) if with_major else None,
    }

    if valid:
        services.create_record(school=school, model=SchoolClass, values=values)
    else:
        with pytest.raises(ValidationError):
            services.create_record(school=school, model=SchoolClass, values=values)

    assert SchoolClass.objects.count() == (1 if valid else 0)


@pytest.mark.parametrize(
    ("start", "end", "overlaps"),
    [
        (
            dt.date(2014, 1, 20),
            dt.date(2014, 7, 1),
            True,
        ),  # starts on the last day of the autumn term
        (dt.date(2014, 1, 21), dt.date(2014, 7, 1), False),  # starts the day after
        (dt.date(2013, 6, 1), dt.date(2013, 9, 1), True),  # ends on its first day
        (dt.date(2013, 6, 1), dt.date(2013, 8, 31), False),
    ],
)
def test_terms_of_one_school_do_not_overlap(
    school: Any, start: dt.date, end: dt.date, overlaps: bool
) -> None:
    factories.TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    values = {"school_year": 2013, "semester": 2, "start_date": start, "end_date": end}

    if overlaps:
        with pytest.raises(ValidationError) as error:
            services.create_record(school=school, model=Term, values=values)
        assert "start_date" in error.value.message_dict
    else:
        services.create_record(school=school, model=Term, values=values)


def test_a_term_must_end_after_it_starts(school: Any) -> None:
    values = {
        "school_year": 2013,
        "semester": 1,
        "start_date": dt.date(2013, 9, 1),
        "end_date": dt.date(2013, 9, 1),
    }

    with pytest.raises(ValidationError) as error:
        services.create_record(school=school, model=Term, values=values)

    assert "A term must end after it starts." in error.value.messages


def test_update_record_changes_fields_and_logs_the_change(school: Any) -> None:
    department = factories.DepartmentFactory(school=school, name="旧")

    services.update_record(record=department, values={"name": "新"})

    department.refresh_from_db()
    entry = LogEntry.objects.get_for_object(department).filter(action=LogEntry.Action.UPDATE).get()
    assert department.name == "新"
    assert entry.changes_dict["name"] == ["旧", "新"]


def test_an_archived_record_cannot_be_changed_until_restored(school: Any) -> None:
    department = factories.DepartmentFactory(school=school, name="旧")
    services.archive_record(record=department)

    with pytest.raises(DomainError):
        services.update_record(record=department, values={"name": "新"})
    services.restore_record(record=department)
    services.update_record(record=department, values={"name": "新"})

    department.refresh_from_db()
    assert (department.name, department.archived_at) == ("新", None)


def test_archiving_twice_is_refused(school: Any) -> None:
    department = factories.DepartmentFactory(school=school)
    services.archive_record(record=department)

    with pytest.raises(DomainError, match="already archived"):
        services.archive_record(record=department)


def test_restoring_a_current_record_is_refused(school: Any) -> None:
    with pytest.raises(DomainError, match="not archived"):
        services.restore_record(record=factories.DepartmentFactory(school=school))


def test_staff_cannot_leave_before_joining(school: Any) -> None:
    staff = factories.StaffFactory(school=school, hired_on=dt.date(2010, 9, 1))

    with pytest.raises(ValidationError, match="cannot leave before joining"):
        services.update_record(record=staff, values={"left_on": dt.date(2010, 8, 31)})


def test_an_invalid_resident_id_number_is_refused(school: Any) -> None:
    staff = factories.StaffFactory(school=school)

    with pytest.raises(ValidationError) as error:
        services.update_record(record=staff, values={"id_number": "511921198001010000"})

    assert "id_number" in error.value.message_dict


def test_link_guardian_refuses_an_unknown_student_number(school: Any) -> None:
    guardian = factories.GuardianFactory(school=school)

    with pytest.raises(DomainError, match="No student with the number 404"):
        services.link_guardian(guardian=guardian, student_no="404", relation="father")


def test_link_guardian_does_not_reach_another_schools_student(
    school: Any, other_school: Any
) -> None:
    guardian = factories.GuardianFactory(school=school)
    factories.StudentFactory(school=other_school, student_no="2013001")

    with pytest.raises(DomainError):
        services.link_guardian(guardian=guardian, student_no="2013001", relation="father")
