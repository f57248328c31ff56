"""Numbering, issuing, correcting, revising, repealing, archiving and attachments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from qingshan.documents import selectors, services
from qingshan.documents.enums import Audience, DocumentStatus, Issuer
from qingshan.documents.models import Attachment, Document
from qingshan.documents.tests.conftest import values
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
Issue = Callable[..., Document]


def _codes(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {item.code for items in error.value.error_dict.values() for item in items}


# --- numbering ---------------------------------------------------------------------------
def test_without_a_number_the_next_free_one_of_the_issuer_and_year_is_given(issue: Issue) -> None:
    first = issue()
    second = issue(title="第二份")

    assert (first.sequence, second.sequence) == (1, 2)
    assert second.number == "通职中发〔2013〕2号"
    assert str(second) == "通职中发〔2013〕2号 第二份"


def test_the_sequence_starts_again_each_year(issue: Issue) -> None:
    issue(issued_on=dt.date(2013, 12, 31))
    issue(issued_on=dt.date(2013, 12, 31))

    january = issue(issued_on=dt.date(2014, 1, 1))

    assert (january.year, january.sequence) == (2014, 1)


def test_each_issuer_and_each_department_has_its_own_sequence(school: Any, issue: Issue) -> None:
    office, teaching = DepartmentFactory(school=school), DepartmentFactory(school=school)
    issue()
    branch = issue(issuer=Issuer.BRANCH, prefix="通职中支")
    first = issue(issuer=Issuer.DEPARTMENT, department=office, prefix="通职中办")
    other = issue(issuer=Issuer.DEPARTMENT, department=teaching, prefix="通职中教")
    second = issue(issuer=Issuer.DEPARTMENT, department=office, prefix="")

    assert [branch.sequence, first.sequence, other.sequence, second.sequence] == [1, 1, 1, 2]
    assert second.prefix == "通职中办"  # the code of the department's latest document


def test_each_school_has_its_own_sequence(issue: Issue, other_school: Any) -> None:
    issue()

    elsewhere = issue(at=other_school)

    assert elsewhere.sequence == 1


def test_an_archived_document_keeps_its_number(issue: Issue) -> None:
    services.archive_document(document=issue())

    assert issue().sequence == 2


def test_next_number_counts_from_the_highest_not_from_the_count(school: Any, issue: Issue) -> None:
    issue(sequence=7)

    assert (
        selectors.next_sequence(school=school, issuer=Issuer.SCHOOL, department=None, year=2013)
        == 8
    )
    assert (
        selectors.next_sequence(school=school, issuer=Issuer.BRANCH, department=None, year=2013)
        == 1
    )


def test_a_number_in_use_is_refused_with_the_holder_and_the_next_free_one(issue: Issue) -> None:
    issue(sequence=5, title="原有文件")

    with pytest.raises(ValidationError) as refused:
        issue(sequence=5, title="新文件")

    message = refused.value.message_dict["sequence"][0]
    assert "通职中发〔2013〕5号" in message and "原有文件" in message
    assert "通职中发〔2013〕6号" in message
    assert Document.objects.count() == 1


def test_the_same_sequence_is_free_for_another_year_or_issuer(issue: Issue) -> None:
    issue(sequence=5)

    issue(sequence=5, issued_on=dt.date(2014, 2, 1))
    issue(sequence=5, issuer=Issuer.BRANCH)

    assert Document.objects.filter(sequence=5).count() == 3


@pytest.mark.parametrize("sequence", [0, 10000])
def test_a_sequence_outside_1_to_9999_is_refused(issue: Issue, sequence: int) -> None:
    with pytest.raises(ValidationError) as refused:
        issue(sequence=sequence)

    assert "sequence" in refused.value.message_dict
    assert Document.objects.count() == 0


def test_the_database_refuses_a_number_in_use_too(issue: Issue) -> None:
    issue(sequence=3)
    document = Document(**{**values(), "school_id": issue().school_id, "sequence": 3})
    document.effective_on = document.issued_on

    with pytest.raises(ValidationError) as refused:
        document.refresh_search_columns()
        document.full_clean()

    assert _codes(refused) == {"duplicate_number"}


def test_the_boundaries_1_and_9999_are_accepted(issue: Issue) -> None:
    assert [issue(sequence=1).sequence, issue(sequence=9999).sequence] == [1, 9999]


def test_an_issuer_with_every_number_used_is_told_so(issue: Issue) -> None:
    issue(sequence=9999)

    with pytest.raises(ValidationError) as refused:
        issue()

    assert _codes(refused) == {"numbers_exhausted"}


def test_a_number_taken_by_someone_else_meanwhile_is_refused_not_crashed(
    school: Any, issue: Issue, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue(sequence=3, title="先到的文件")
    # As if the other document was saved between the check and the save: both checks miss it
    # and the database's unique index refuses the row.
    monkeypatch.setattr(selectors, "holder_of_number", _first_call_finds_nothing())
    monkeypatch.setattr(services, "validate_record", lambda record: None)

    with pytest.raises(ValidationError) as refused:
        issue(sequence=3)

    assert _codes(refused) == {"duplicate_number"}
    assert Document.objects.count() == 1


def _first_call_finds_nothing() -> Any:
    real = selectors.holder_of_number
    calls = []

    def holder(**kwargs: Any) -> Any:
        calls.append(kwargs)
        return None if len(calls) == 1 else real(**kwargs)

    return holder


# --- issuing and correcting ----------------------------------------------------------------
def test_a_new_document_is_in_force_from_its_issue_date_by_default(issue: Issue) -> None:
    document = issue()

    assert document.status == DocumentStatus.IN_FORCE
    assert document.effective_on == document.issued_on
    assert document.ended_on is None
    assert "考勤" in document.search_title and "考勤" not in document.search_body


def test_a_department_document_needs_its_department(issue: Issue) -> None:
    with pytest.raises(ValidationError) as refused:
        issue(issuer=Issuer.DEPARTMENT)

    assert _codes(refused) == {"department_required"}


def test_a_school_document_names_no_department(school: Any, issue: Issue) -> None:
    document = issue(department=DepartmentFactory(school=school))

    assert document.department is None


def test_a_department_of_another_school_is_refused(issue: Issue, other_school: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        issue(issuer=Issuer.DEPARTMENT, department=DepartmentFactory(school=other_school))

    assert "department" in refused.value.message_dict


def test_a_document_cannot_take_effect_before_it_is_issued(issue: Issue) -> None:
    with pytest.raises(ValidationError) as refused:
        issue(effective_on=dt.date(2013, 2, 28))

    assert _codes(refused) == {"effective_before_issue"}


def test_a_document_needs_an_audience(issue: Issue) -> None:
    with pytest.raises(ValidationError) as refused:
        issue(audience=[])

    assert _codes(refused) == {"audience_required"}


def test_a_correction_keeps_the_number_when_none_is_given(issue: Issue) -> None:
    document = issue(sequence=4)

    changed = services.update_document(
        document=document, values={"title": "改过的标题", "sequence": None}
    )

    assert (changed.sequence, changed.title) == (4, "改过的标题")
    assert "改过" in changed.search_title


def test_a_correction_to_a_number_in_use_is_refused(issue: Issue) -> None:
    issue(sequence=1)
    document = issue(sequence=2)

    with pytest.raises(ValidationError):
        services.update_document(document=document, values={"sequence": 1})

    document.refresh_from_db()
    assert document.sequence == 2


def test_an_archived_document_is_not_corrected(issue: Issue) -> None:
    document = services.archive_document(document=issue())

    with pytest.raises(ValidationError):
        services.update_document(document=document, values={"title": "新"})


# --- revisions -----------------------------------------------------------------------------
def _revise(original: Document, **overrides: Any) -> Document:
    data = values(**{"issued_on": dt.date(2013, 9, 1), "title": "修订版", **overrides})
    for name in ("issuer", "department"):
        data.pop(name, None)
    return services.issue_revision(original=original, values=data)


def test_a_revision_marks_the_original_revised_from_the_day_it_takes_effect(issue: Issue) -> None:
    original = issue(issued_on=dt.date(2012, 3, 1))

    revision = _revise(original, effective_on=dt.date(2013, 9, 10))

    original.refresh_from_db()
    assert original.status == DocumentStatus.REVISED
    assert original.ended_on == dt.date(2013, 9, 10)
    assert revision.revises == original and revision.origin == original
    assert original.revised_by == revision
    assert (revision.issuer, revision.status) == (Issuer.SCHOOL, DocumentStatus.IN_FORCE)


def test_a_revision_keeps_the_issuer_and_the_chain_keeps_its_first_version(
    school: Any, issue: Issue
) -> None:
    office = DepartmentFactory(school=school)
    first = issue(issuer=Issuer.DEPARTMENT, department=office, issued_on=dt.date(2011, 3, 1))
    second = _revise(first, issued_on=dt.date(2012, 3, 1))
    third = _revise(second)

    chain = selectors.version_chain(document=second, readable=selectors.documents(school))

    assert [item.pk for item in chain] == [first.pk, second.pk, third.pk]
    assert third.origin == first and third.department == office


@pytest.mark.parametrize("status", ["revised", "repealed"])
def test_only_a_document_in_force_is_revised(issue: Issue, status: str) -> None:
    original = issue(issued_on=dt.date(2012, 3, 1))
    if status == "revised":
        _revise(original)
    else:
        services.repeal_document(document=original, repealed_on=dt.date(2013, 1, 1), reason="过时")

    with pytest.raises(ValidationError) as refused:
        _revise(original, title="再修订")

    assert refused.value.code == "not_in_force"
    assert not Document.objects.filter(title="再修订").exists()


def test_an_archived_document_is_not_revised(issue: Issue) -> None:
    original = services.archive_document(document=issue())

    with pytest.raises(ValidationError) as refused:
        _revise(original)

    assert refused.value.code == "archived"


def test_a_revision_is_not_issued_before_the_original(issue: Issue) -> None:
    original = issue(issued_on=dt.date(2013, 3, 1))

    with pytest.raises(ValidationError) as refused:
        _revise(original, issued_on=dt.date(2013, 2, 1))

    assert _codes(refused) == {"revision_before_original"}
    original.refresh_from_db()
    assert original.status == DocumentStatus.IN_FORCE


def test_a_revision_does_not_take_effect_before_the_original(issue: Issue) -> None:
    original = issue(issued_on=dt.date(2013, 3, 1), effective_on=dt.date(2013, 10, 1))

    with pytest.raises(ValidationError) as refused:
        _revise(original, issued_on=dt.date(2013, 4, 1))

    assert _codes(refused) == {"revision_effective_before_original"}


def test_a_refused_revision_number_leaves_the_original_in_force(issue: Issue) -> None:
    issue(sequence=9, issued_on=dt.date(2013, 1, 5))
    original = issue(issued_on=dt.date(2013, 2, 1))

    with pytest.raises(ValidationError):
        _revise(original, sequence=9)

    original.refresh_from_db()
    assert original.status == DocumentStatus.IN_FORCE


def test_versions_keep_one_issuer_and_their_order_when_corrected(issue: Issue) -> None:
    original = issue(issued_on=dt.date(2012, 3, 1))
    revision = _revise(original)

    with pytest.raises(ValidationError) as issuer:
        services.update_document(document=revision, values={"issuer": Issuer.BRANCH})
    with pytest.raises(ValidationError) as earlier:
        services.update_document(document=revision, values={"issued_on": dt.date(2012, 1, 1)})
    with pytest.raises(ValidationError) as later:
        services.update_document(document=original, values={"issued_on": dt.date(2013, 12, 1)})

    assert (_codes(issuer), _codes(earlier), _codes(later)) == (
        {"chain_issuer"},
        {"revision_before_original"},
        {"original_after_revision"},
    )


# --- repeal --------------------------------------------------------------------------------
def test_a_repeal_with_a_reason_ends_the_document_on_the_day(issue: Issue) -> None:
    document = issue()

    services.repeal_document(document=document, repealed_on=dt.date(2013, 6, 1), reason="过时")

    document.refresh_from_db()
    assert (document.status, document.ended_on, document.repeal_reason) == (
        DocumentStatus.REPEALED,
        dt.date(2013, 6, 1),
        "过时",
    )


def test_a_repeal_by_another_document_defaults_to_the_day_it_takes_effect(issue: Issue) -> None:
    old = issue(issued_on=dt.date(2010, 3, 1))
    new = issue(issued_on=dt.date(2013, 3, 1), effective_on=dt.date(2013, 4, 1))

    services.repeal_document(document=old, repealed_by=new)

    old.refresh_from_db()
    assert (old.ended_on, old.repealed_by) == (dt.date(2013, 4, 1), new)
    assert list(new.repeals.all()) == [old]


def test_a_repeal_needs_a_reason_or_a_repealing_document_and_a_day(issue: Issue) -> None:
    document = issue()

    with pytest.raises(ValidationError) as no_reason:
        services.repeal_document(document=document, repealed_on=dt.date(2013, 6, 1))
    with pytest.raises(ValidationError) as no_day:
        services.repeal_document(document=document, reason="过时")

    assert (_codes(no_reason), _codes(no_day)) == ({"reason_required"}, {"date_required"})


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("before_issue", "repealed_before_issue"),
        ("itself", "repeals_itself"),
        ("repealing_repealed", "repealing_not_in_force"),
        ("repealing_later", "repealed_before_repealing_document"),
        ("other_school", "other_school"),
    ],
)
def test_refused_repeals_change_nothing(
    issue: Issue, other_school: Any, case: str, code: str
) -> None:
    document = issue(issued_on=dt.date(2012, 3, 1))
    repealing = None
    day = dt.date(2013, 6, 1)
    if case == "before_issue":
        day = dt.date(2012, 2, 1)
    elif case == "itself":
        repealing = document
    elif case == "repealing_repealed":
        repealing = issue(title="已废止")
        services.repeal_document(document=repealing, repealed_on=day, reason="过时")
    elif case == "repealing_later":
        repealing = issue(issued_on=dt.date(2013, 9, 1))
    else:
        repealing = issue(at=other_school)

    with pytest.raises(ValidationError) as refused:
        services.repeal_document(
            document=document, repealed_on=day, reason="x", repealed_by=repealing
        )

    assert _codes(refused) == {code}
    document.refresh_from_db()
    assert document.status == DocumentStatus.IN_FORCE


@pytest.mark.parametrize("first", ["repeal", "revise", "archive"])
def test_only_a_current_document_in_force_is_repealed(issue: Issue, first: str) -> None:
    document = issue(issued_on=dt.date(2012, 3, 1))
    if first == "repeal":
        services.repeal_document(document=document, repealed_on=dt.date(2013, 1, 1), reason="旧")
    elif first == "revise":
        _revise(document)
    else:
        services.archive_document(document=document)

    with pytest.raises(ValidationError) as refused:
        services.repeal_document(document=document, repealed_on=dt.date(2013, 5, 1), reason="再")

    assert refused.value.code in {"not_in_force", "archived"}


def test_archive_and_restore(issue: Issue) -> None:
    document = issue()

    services.archive_document(document=document)
    assert document.is_archived
    with pytest.raises(ValidationError):
        services.archive_document(document=document)
    services.restore_document(document=document)
    assert not document.is_archived
    with pytest.raises(ValidationError):
        services.restore_document(document=document)


# --- in force on a day ---------------------------------------------------------------------
def test_in_force_on_a_day_follows_start_end_and_archive(school: Any, issue: Issue) -> None:
    later = issue(issued_on=dt.date(2013, 3, 1), effective_on=dt.date(2013, 9, 1))
    original = issue(issued_on=dt.date(2012, 3, 1))
    _revise(original, effective_on=dt.date(2013, 9, 1))
    archived = services.archive_document(document=issue(issued_on=dt.date(2012, 5, 1)))

    def on(day: dt.date) -> set[int]:
        return set(selectors.in_force_on(schools=[school.pk], day=day).values_list("pk", flat=True))

    assert later.pk not in on(dt.date(2013, 8, 31)) and later.pk in on(dt.date(2013, 9, 1))
    assert original.pk in on(dt.date(2013, 8, 31)) and original.pk not in on(dt.date(2013, 9, 1))
    assert archived.pk not in on(dt.date(2013, 8, 31))


# --- attachments ---------------------------------------------------------------------------
def test_an_attachment_is_checked_and_stored(issue: Issue) -> None:
    document = issue()
    upload = SimpleUploadedFile("办法.pdf", b"%PDF-1.4 content", content_type="application/pdf")

    attachment = services.attach_file(document=document, title="", file=upload)

    assert (attachment.title, attachment.size) == ("办法.pdf", 16)
    with attachment.file.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 content"


@pytest.mark.parametrize(
    ("name", "content"),
    [("run.exe", b"MZ\x90\x00"), ("fake.pdf", b"MZ\x90\x00not a pdf")],
)
def test_an_attachment_of_another_type_is_refused(issue: Issue, name: str, content: bytes) -> None:
    document = issue()

    with pytest.raises(ValidationError):
        services.attach_file(document=document, title="x", file=SimpleUploadedFile(name, content))

    assert Attachment.objects.count() == 0


def test_an_attachment_is_removed_with_its_file(
    issue: Issue, django_capture_on_commit_callbacks: Any
) -> None:
    document = issue()
    attachment = services.attach_file(
        document=document, title="表", file=SimpleUploadedFile("a.txt", b"text")
    )
    storage, name = attachment.file.storage, attachment.file.name

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(attachment=attachment)

    assert Attachment.objects.count() == 0
    assert not storage.exists(name)


def test_an_archived_document_takes_no_attachment(issue: Issue) -> None:
    document = services.archive_document(document=issue())

    with pytest.raises(ValidationError):
        services.attach_file(
            document=document, title="x", file=SimpleUploadedFile("a.txt", b"text")
        )


def test_audience_labels(issue: Issue) -> None:
    document = issue(audience=[Audience.STUDENTS, Audience.STAFF])

    assert document.audiences == [Audience.STAFF, Audience.STUDENTS]
    assert document.audience_labels == ["all staff", "students"]
