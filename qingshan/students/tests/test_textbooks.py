"""The textbook register (校本教材): writes through the services, the in-use figure, the school
scope, and the shared record pages that show it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.organization.enums import Semester
from qingshan.organization.models import Staff, Term
from qingshan.students.enums import TextbookState
from qingshan.students.models import Textbook, TextbookUse
from qingshan.students.resources import TEXTBOOK_RESOURCES
from qingshan.students.selectors.textbooks import textbook_uses, textbooks, textbooks_in_use
from qingshan.students.services.textbooks import (
    create_textbook,
    record_use,
    update_textbook,
    update_use,
)
from tests.factories import MajorFactory, SchoolClassFactory, StaffFactory, TermFactory

pytestmark = pytest.mark.django_db
APPROVED_ON = dt.date(2015, 6, 1)


def _textbook(school: School, title: str = "果树修剪实训", **values: Any) -> Textbook:
    values = {
        "title": title,
        "course": "果树栽培",
        "major": MajorFactory(school=school),
        "editors": [StaffFactory(school=school)],
        **values,
    }
    return create_textbook(school=school, values=values)


def _approved(school: School, title: str = "果树修剪实训") -> Textbook:
    return _textbook(school, title, state=TextbookState.APPROVED, approved_on=APPROVED_ON)


def _term(school: School, year: int, semester: str = Semester.AUTUMN) -> Term:
    if semester == Semester.AUTUMN:
        start, end = dt.date(year, 9, 1), dt.date(year + 1, 1, 20)
    else:
        start, end = dt.date(year, 2, 25), dt.date(year, 7, 10)
    return TermFactory(
        school=school,
        school_year=year if semester == Semester.AUTUMN else year - 1,
        semester=semester,
        start_date=start,
        end_date=end,
    )


def _use(textbook: Textbook, term: Term, **values: Any) -> TextbookUse:
    school = textbook.school
    values = {
        "textbook": textbook,
        "school_class": SchoolClassFactory(school=school),
        "term": term,
        "periods": 36,
        **values,
    }
    return record_use(school=school, values=values)


# --- textbooks -------------------------------------------------------------------------------


def test_a_textbook_is_registered_with_its_editors(school: School) -> None:
    editors = [StaffFactory(school=school), StaffFactory(school=school)]

    textbook = _textbook(school, editors=editors)

    textbook.refresh_from_db()
    assert textbook.school == school
    assert textbook.state == TextbookState.DRAFT
    assert set(textbook.editors.all()) == set(editors)


def test_an_update_changes_the_fields_and_replaces_the_editors(school: School) -> None:
    textbook = _textbook(school)
    new_editor = StaffFactory(school=school)

    update_textbook(record=textbook, values={"pages": 180, "editors": [new_editor]})

    textbook.refresh_from_db()
    assert textbook.pages == 180
    assert list(textbook.editors.all()) == [new_editor]


def test_an_update_without_editors_keeps_them(school: School) -> None:
    textbook = _textbook(school)
    editors = list(textbook.editors.all())

    update_textbook(record=textbook, values={"note": "第二次印刷"})

    assert list(textbook.editors.all()) == editors


def test_an_approved_textbook_needs_its_approval_date(school: School) -> None:
    textbook = _textbook(school)

    with pytest.raises(ValidationError) as caught:
        update_textbook(record=textbook, values={"state": TextbookState.APPROVED})

    assert caught.value.error_dict["approved_on"][0].code == "approval_date_missing"
    textbook.refresh_from_db()
    assert textbook.state == TextbookState.DRAFT


def test_a_textbook_is_not_registered_approved_without_the_date(school: School) -> None:
    with pytest.raises(ValidationError) as caught:
        _textbook(school, state=TextbookState.APPROVED)

    assert caught.value.error_dict["approved_on"][0].code == "approval_date_missing"
    assert not Textbook.objects.exists()


def test_an_editor_of_another_school_is_refused(school: School, other_school: School) -> None:
    with pytest.raises(DomainError) as caught:
        _textbook(school, editors=[StaffFactory(school=other_school)])

    assert caught.value.error_dict["editors"][0].code == "other_school"
    assert not Textbook.objects.exists()


def test_the_same_edition_is_registered_once(school: School) -> None:
    _textbook(school, "电工基础")

    with pytest.raises(ValidationError):
        _textbook(school, "电工基础")

    _textbook(school, "电工基础", edition=2)
    assert Textbook.objects.filter(title="电工基础").count() == 2


# --- uses ------------------------------------------------------------------------------------


def test_a_class_uses_an_approved_textbook_in_a_term(school: School) -> None:
    textbook = _approved(school)
    term = _term(school, 2015)

    use = _use(textbook, term, periods=72)

    assert list(textbook.uses.all()) == [use]
    assert (use.term, use.periods) == (term, 72)


def test_a_use_of_an_unapproved_textbook_is_refused_and_nothing_saved(school: School) -> None:
    draft = _textbook(school)

    with pytest.raises(DomainError) as caught:
        _use(draft, _term(school, 2015))

    assert caught.value.error_dict["textbook"][0].code == "not_approved"
    assert "not approved" in caught.value.messages[0]
    assert not TextbookUse.objects.exists()


def test_a_class_of_another_school_is_refused(school: School, other_school: School) -> None:
    textbook = _approved(school)

    with pytest.raises(DomainError) as caught:
        _use(textbook, _term(school, 2015), school_class=SchoolClassFactory(school=other_school))

    assert caught.value.error_dict["school_class"][0].code == "other_school"
    assert not TextbookUse.objects.exists()


def test_a_term_of_another_school_is_refused(school: School, other_school: School) -> None:
    textbook = _approved(school)

    with pytest.raises(DomainError) as caught:
        _use(textbook, _term(other_school, 2015))

    assert caught.value.error_dict["term"][0].code == "other_school"
    assert not TextbookUse.objects.exists()


def test_a_use_cannot_be_moved_to_an_unapproved_textbook(school: School) -> None:
    use = _use(_approved(school), _term(school, 2015))
    draft = _textbook(school, "数控车床编程")

    with pytest.raises(DomainError) as caught:
        update_use(record=use, values={"textbook": draft})

    assert caught.value.error_dict["textbook"][0].code == "not_approved"
    use.refresh_from_db()
    assert use.textbook.title == "果树修剪实训"


def test_the_periods_of_a_use_are_corrected_after_its_textbook_retired(school: School) -> None:
    textbook = _approved(school)
    use = _use(textbook, _term(school, 2015))
    update_textbook(record=textbook, values={"state": TextbookState.RETIRED})

    update_use(
        record=use,
        values={
            "textbook": textbook,
            "school_class": use.school_class,
            "term": use.term,
            "periods": 40,
        },
    )

    use.refresh_from_db()
    assert use.periods == 40


def test_a_retired_textbook_is_not_used_in_a_new_term(school: School) -> None:
    textbook = _approved(school)
    use = _use(textbook, _term(school, 2015))
    update_textbook(record=textbook, values={"state": TextbookState.RETIRED})

    with pytest.raises(DomainError):
        update_use(record=use, values={"term": _term(school, 2016)})


# --- the figure ------------------------------------------------------------------------------


def test_in_use_counts_each_approved_textbook_once_in_the_year(school: School) -> None:
    autumn = _term(school, 2015)
    spring = _term(school, 2015, Semester.SPRING)
    pruning = _approved(school, "果树修剪实训")
    _use(pruning, autumn)
    _use(pruning, autumn)  # a second class
    _use(pruning, spring)  # and another term of the year
    _use(_approved(school, "电工基础"), spring)

    assert in_use(school, 2015) == 2


def test_a_use_in_a_term_of_another_year_does_not_count(school: School) -> None:
    _use(_approved(school), _term(school, 2014))

    assert in_use(school, 2015) == 0
    assert in_use(school, 2014) == 1


def test_a_retired_textbook_still_counts_for_the_years_it_was_used(school: School) -> None:
    textbook = _approved(school)
    _use(textbook, _term(school, 2015))
    update_textbook(record=textbook, values={"state": TextbookState.RETIRED})

    assert in_use(school, 2015) == 1


def test_a_textbook_sent_back_to_review_does_not_count(school: School) -> None:
    textbook = _approved(school)
    _use(textbook, _term(school, 2015))
    update_textbook(record=textbook, values={"state": TextbookState.REVIEW})

    assert in_use(school, 2015) == 0


def test_another_schools_uses_do_not_count(school: School, other_school: School) -> None:
    _use(_approved(other_school), _term(other_school, 2015))

    assert in_use(school, 2015) == 0


# --- the school scope ------------------------------------------------------------------------


def test_a_second_schools_textbooks_are_not_in_the_first_schools_list(
    school: School, other_school: School
) -> None:
    mine = _approved(school, "果树修剪实训")
    theirs = _approved(other_school, "果树修剪实训")
    _use(theirs, _term(other_school, 2015))

    assert list(textbooks(school)) == [mine]
    assert not textbook_uses(school).exists()


# --- the record pages ------------------------------------------------------------------------


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", [resource.key for resource in TEXTBOOK_RESOURCES])
def test_a_list_costs_the_same_queries_for_one_row_and_three(
    key: str, school: School, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    url = reverse(f"students:{key}_list")
    client.get(url)  # the session's first request loads the user's memberships once
    term = _term(school, 2015)
    _use(_approved(school, "一"), term)
    one = _queries(client, url)
    _use(_approved(school, "二"), term)
    _use(_approved(school, "三"), term)

    three = _queries(client, url)

    assert one == three


def test_the_textbook_page_shows_its_editors_and_the_classes_using_it(
    school: School, client_for: Any
) -> None:
    editor = StaffFactory(school=school, name="李芳")
    textbook = create_textbook(
        school=school,
        values={
            "title": "果树修剪实训",
            "course": "果树栽培",
            "editors": [editor],
            "state": TextbookState.APPROVED,
            "approved_on": APPROVED_ON,
        },
    )
    _use(
        textbook,
        _term(school, 2015),
        school_class=SchoolClassFactory(school=school, name="果树1班"),
    )

    response = client_for(Role.TEACHER, school).get(textbook.get_absolute_url())

    assert response.status_code == 200
    assert "李芳" in response.text
    assert "果树1班" in response.text


def test_another_schools_textbook_page_is_not_found(
    school: School, other_school: School, client_for: Any
) -> None:
    theirs = _approved(other_school)

    response = client_for(Role.SCHOOL_ADMIN, school).get(theirs.get_absolute_url())

    assert response.status_code == 404


def test_a_teacher_reads_the_register_but_does_not_add_to_it(
    school: School, client_for: Any
) -> None:
    client = client_for(Role.TEACHER, school)

    assert client.get(reverse("students:textbook_list")).status_code == 200
    assert client.get(reverse("students:textbook_create")).status_code == 403


def test_the_form_shows_a_missing_approval_date_on_its_field(
    school: School, client_for: Any
) -> None:
    editor = StaffFactory(school=school)
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("students:textbook_create"),
        {
            "title": "果树修剪实训",
            "edition": 1,
            "editors": [editor.pk],
            "course": "果树栽培",
            "state": TextbookState.APPROVED,
        },
    )

    assert response.status_code == 422
    assert response.context["form"].errors["approved_on"]
    assert not Textbook.objects.exists()


def test_the_use_form_offers_only_approved_textbooks_of_the_school(
    school: School, other_school: School, client_for: Any
) -> None:
    approved = _approved(school, "果树修剪实训")
    _textbook(school, "数控车床编程")
    _approved(other_school, "电工基础")

    response = client_for(Role.SCHOOL_ADMIN, school).get(reverse("students:textbookuse_create"))

    offered = list(response.context["form"].fields["textbook"].queryset)
    assert offered == [approved]


def test_the_export_names_the_editors(school: School, client_for: Any) -> None:
    editor = StaffFactory(school=school, name="李芳")
    _textbook(school, editors=[editor])

    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("students:textbook_export") + "?format=csv"
    )

    assert response.status_code == 200
    assert "李芳" in response.content.decode("utf-8-sig")


def test_the_edit_form_clears_the_file_and_keeps_an_editor_who_has_left(
    school: School, client_for: Any
) -> None:
    editor = StaffFactory(school=school, name="李芳")
    textbook = _textbook(
        school, editors=[editor], file=SimpleUploadedFile("教材.pdf", b"%PDF-1.4 text")
    )
    Staff.objects.filter(pk=editor.pk).update(left_on=dt.date(2020, 7, 1))

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("students:textbook_edit", args=[textbook.pk]),
        {
            "title": textbook.title,
            "edition": 1,
            "editors": [editor.pk],
            "course": textbook.course,
            "state": TextbookState.DRAFT,
            "file-clear": "on",
        },
    )

    assert response.status_code == 302
    textbook.refresh_from_db()
    assert textbook.file.name == ""
    assert list(textbook.editors.all()) == [editor]


def in_use(school: School, year: int) -> int:
    return textbooks_in_use([school.pk], dt.date(year, 1, 1), dt.date(year, 12, 31)).count()


def test_the_textbooks_file_is_served_to_staff_after_the_permission_check(
    school: School, other_school: School, client_for: Any
) -> None:
    textbook = _approved(school)
    textbook.file = SimpleUploadedFile(
        "果树.pdf", b"%PDF-1.4 textbook", content_type="application/pdf"
    )
    textbook.save()
    url = reverse("students:textbook_file", args=[textbook.pk])
    teacher = client_for(Role.TEACHER, school)
    assert teacher.get(url).content == b"%PDF-1.4 textbook"
    assert client_for(Role.STUDENT, school).get(url).status_code == 403
    assert client_for(Role.SCHOOL_ADMIN, other_school).get(url).status_code == 404
