"""The rubric's pages: a department head starts a version, names it, adds items and publishes
it; a teacher reads it and changes nothing; bad input is refused and changes nothing."""

from __future__ import annotations

from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.teaching.models import Rubric


def test_a_head_starts_names_fills_and_publishes_a_version(school, client_for):
    client = client_for(Role.DEPARTMENT_HEAD, school)
    client.post(reverse("teaching:rubric_new"))
    rubric = Rubric.objects.get()
    client.post(
        reverse("teaching:rubric_rename", args=[rubric.pk]), {"name": "评课表", "note": "首版"}
    )
    add = reverse("teaching:rubric_item_add", args=[rubric.pk])
    client.post(add, {"group": "目标", "text": "目标明确", "max_points": "10"})
    client.post(add, {"group": "目标", "text": "超出", "max_points": "101"})
    page = client.post(reverse("teaching:rubric_publish", args=[rubric.pk]), follow=True)
    rubric.refresh_from_db()
    assert (rubric.name, rubric.note, rubric.is_published) == ("评课表", "首版", True)
    assert [item.text for item in rubric.items.all()] == ["目标明确"]
    assert "目标明确" in page.content.decode()


def test_a_teacher_reads_the_rubric_and_may_not_change_it(school, client_for):
    head = client_for(Role.DEPARTMENT_HEAD, school)
    head.post(reverse("teaching:rubric_new"))
    rubric = Rubric.objects.get()
    teacher = client_for(Role.TEACHER, school)
    assert teacher.get(reverse("teaching:rubric_detail", args=[rubric.pk])).status_code == 200
    refused = teacher.post(
        reverse("teaching:rubric_item_add", args=[rubric.pk]),
        {"group": "目标", "text": "x", "max_points": "5"},
    )
    assert refused.status_code == 403 and not rubric.items.exists()
