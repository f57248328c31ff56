"""Training records: a member of staff's own request, the decision (approve or refuse with a
reason), completion with the evidence file, editing only while requested, the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.core.errors import DomainError
from qingshan.teaching.models import TrainingRecord
from qingshan.teaching.services import trainings as services
from qingshan.teaching.tests import factories as f

pytestmark = pytest.mark.django_db

REQUEST = {
    "title": "国培计划中职骨干教师培训",
    "kind": "national",
    "organiser": "四川省教育厅",
    "starts_on": "2013-07-01",
    "ends_on": "2013-07-20",
    "cost": "0",
}


def test_a_request_is_approved_then_marked_done(school: Any, user_with_role: Any) -> None:
    head = user_with_role(Role.DEPARTMENT_HEAD, school)
    record = f.training(school)

    services.approve_training(record=record, user=head)
    services.complete_training(record=record, hours=Decimal("72.5"), certificate=" GP-1 ")

    record.refresh_from_db()
    assert (record.status, record.decided_by, record.hours, record.certificate) == (
        "done",
        head,
        Decimal("72.5"),
        "GP-1",
    )


def test_a_refusal_without_a_reason_is_an_error_and_changes_nothing(
    school: Any, user_with_role: Any
) -> None:
    head = user_with_role(Role.DEPARTMENT_HEAD, school)
    record = f.training(school)

    with pytest.raises(ValidationError, match="reason"):
        services.refuse_training(record=record, user=head, reason="  ")

    record.refresh_from_db()
    assert (record.status, record.decided_by, record.refusal) == ("requested", None, "")
    services.refuse_training(record=record, user=head, reason="经费不足")
    record.refresh_from_db()
    assert (record.status, record.refusal) == ("refused", "经费不足")


@pytest.mark.parametrize(
    ("status", "change"),
    [
        ("approved", lambda r, u: services.approve_training(record=r, user=u)),
        ("refused", lambda r, u: services.refuse_training(record=r, user=u, reason="x")),
        ("done", lambda r, u: services.complete_training(record=r, hours=Decimal(1))),
        ("requested", lambda r, u: services.complete_training(record=r, hours=Decimal(1))),
    ],
)
def test_a_change_out_of_order_is_refused(
    school: Any, user_with_role: Any, status: str, change: Any
) -> None:
    record = f.training(school, status=status)

    with pytest.raises(DomainError, match="cannot be changed so"):
        change(record, user_with_role(Role.SCHOOL_ADMIN, school))

    record.refresh_from_db()
    assert record.status == status


def test_a_training_is_edited_only_while_requested(school: Any) -> None:
    requested, approved = f.training(school), f.training(school, status="approved")

    services.update_training(record=requested, values={"title": "新名称", "status": "done"})
    with pytest.raises(DomainError):
        services.update_training(record=approved, values={"title": "新名称"})

    requested.refresh_from_db()
    approved.refresh_from_db()
    assert (requested.title, requested.status) == ("新名称", "requested")
    assert approved.title != "新名称"


def test_a_member_of_staff_requests_a_training_for_themselves(
    school: Any, user_with_role: Any
) -> None:
    user = user_with_role(Role.TEACHER, school)
    me = f.staff(school, user=user)
    client = Client()
    client.force_login(user)

    response = client.post(reverse("teaching:training_request"), {**REQUEST, "teacher": 999})

    record = TrainingRecord.objects.get()
    assert response.status_code == 302
    assert (record.teacher, record.status) == (me, "requested")


def test_a_login_without_a_staff_record_is_told_why_it_cannot_request(
    school: Any, client_for: Any
) -> None:
    client = client_for(Role.TEACHER, school)

    page = client.get(reverse("teaching:training_request"))
    posted = client.post(reverse("teaching:training_request"), REQUEST)

    assert 'id="no-staff-record"' in page.content.decode()
    assert posted.status_code == 422
    assert "not linked to a staff record" in posted.content.decode()
    assert not TrainingRecord.objects.exists()


def test_the_decision_pages_belong_to_managers(school: Any, client_for: Any) -> None:
    record = f.training(school)
    teacher = client_for(Role.TEACHER, school)
    head = client_for(Role.DEPARTMENT_HEAD, school)

    refused = teacher.post(reverse("teaching:training_approve", args=[record.pk]))
    no_reason = head.post(reverse("teaching:training_refuse", args=[record.pk]), {"reason": ""})
    record.refresh_from_db()
    status_after_no_reason = record.status
    approved = head.post(reverse("teaching:training_approve", args=[record.pk]))

    record.refresh_from_db()
    assert (refused.status_code, no_reason.status_code, approved.status_code) == (403, 302, 302)
    assert (status_after_no_reason, record.status) == ("requested", "approved")


def test_the_evidence_is_checked_on_upload_and_served_to_readers_only(
    school: Any, client_for: Any
) -> None:
    record = f.training(school, status="approved")
    head = client_for(Role.DEPARTMENT_HEAD, school)
    done = reverse("teaching:training_done", args=[record.pk])
    fake = SimpleUploadedFile("proof.pdf", b"MZ not a pdf", content_type="application/pdf")
    real = SimpleUploadedFile("proof.pdf", b"%PDF-1.4 proof", content_type="application/pdf")

    head.post(done, {"hours": "40", "evidence": fake})
    record.refresh_from_db()
    status_after_fake = record.status
    head.post(done, {"hours": "40", "certificate": "QY-7", "evidence": real})
    record.refresh_from_db()
    url = reverse("teaching:training_evidence", args=[record.pk])
    read = client_for(Role.TEACHER, school).get(url)
    student = client_for(Role.STUDENT, school).get(url)

    assert (status_after_fake, record.status, record.hours) == ("approved", "done", Decimal(40))
    assert (read.status_code, student.status_code) == (200, 403)
    content = read.content
    read.close()
    assert content.startswith(b"%PDF")


def test_a_training_created_through_the_api_is_requested(school: Any, user_with_role: Any) -> None:
    admin = user_with_role(Role.SCHOOL_ADMIN, school)
    teacher = f.staff(school)
    _token, raw = create_api_token(user=admin, name="t")
    api = Client(headers={"Authorization": f"Bearer {raw}"})

    created = api.post(
        "/api/v1/teaching/training/",
        {**REQUEST, "teacher": teacher.pk, "status": "done", "hours": "80"},
        content_type="application/json",
    )

    assert created.status_code == 201
    record = TrainingRecord.objects.get()
    assert (record.status, record.hours, record.starts_on) == (
        "requested",
        Decimal(0),
        dt.date(2013, 7, 1),
    )
    assert "status" not in created.json()


def test_the_page_offers_the_step_the_record_is_at_to_managers_only(
    school: Any, client_for: Any
) -> None:
    requested, approved = f.training(school), f.training(school, status="approved")
    head = client_for(Role.DEPARTMENT_HEAD, school)
    teacher = client_for(Role.TEACHER, school)

    def page(client: Any, record: Any) -> str:
        return str(client.get(reverse("teaching:training_detail", args=[record.pk])).content)

    assert 'id="form-training-refuse"' in page(head, requested)
    assert 'id="form-training-done"' not in page(head, requested)
    assert 'id="form-training-done"' in page(head, approved)
    assert 'id="form-training-refuse"' not in page(teacher, requested)


def test_the_page_offers_edit_only_while_the_training_is_requested(
    school: Any, client_for: Any
) -> None:

    requested = f.training(school)
    decided = f.training(school, status="approved")
    client = client_for("department_head", school)
    edit = [
        reverse("teaching:training_edit", args=[record.pk])
        in client.get(reverse("teaching:training_detail", args=[record.pk])).content.decode()
        for record in (requested, decided)
    ]
    assert edit == [True, False]
