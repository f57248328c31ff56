from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from qingshan.accounts.models import Membership
from qingshan.core.models import School
from qingshan.organization.models import Major, Student


@pytest.mark.django_db
def test_demo_builds_the_seed_school_once_and_is_idempotent() -> None:
    call_command("demo", stdout=StringIO())
    counts = (School.objects.count(), Student.objects.count(), Membership.objects.count())
    second = StringIO()
    call_command("demo", stdout=second)

    assert (School.objects.count(), Student.objects.count(), Membership.objects.count()) == counts
    assert "present" in second.getvalue()
    seed = School.objects.get(slug="tongjiang-vocational")
    assert Major.objects.for_school(seed).count() == 9
    assert seed.authority.name == "通江县教育局"


@pytest.mark.django_db
def test_demo_figures_of_2013_are_those_of_a_real_school() -> None:
    call_command("demo", stdout=StringIO())
    out = StringIO()

    call_command("figures", "--school", "tongjiang-vocational", "--year", "2013", stdout=out)

    figures = json.loads(out.getvalue())
    assert figures["organization.majors"] == 9
    assert 1500 <= figures["organization.students"] <= 2500
    assert 100 <= figures["organization.staff"] <= 160


@pytest.mark.django_db
def test_demo_has_one_login_per_role() -> None:
    call_command("demo", stdout=StringIO())

    roles = set(
        Membership.objects.filter(
            user__username__in=[
                "admin",
                "secretary",
                "head",
                "teacher",
                "counselor",
                "student",
                "bureau",
            ]
        ).values_list("role", flat=True)
    )

    assert roles == {
        "school_admin",
        "secretary",
        "department_head",
        "teacher",
        "counselor",
        "student",
        "authority_viewer",
    }
