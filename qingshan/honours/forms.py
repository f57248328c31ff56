"""Forms of the honours pages; every choice of a record is the school's (SchoolModelForm)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from qingshan.core.forms import SchoolModelForm
from qingshan.core.uploads import check_upload
from qingshan.honours.models import Commendation, Honour, Story
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Student

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")


class HonourForm(SchoolModelForm):
    class Meta:
        model = Honour
        fields = ["title", "level", "issuer", "awarded_on", "certificate_scan", "note"]

    def clean_certificate_scan(self) -> Any:
        return check_upload(self.cleaned_data.get("certificate_scan"))


class CommendationForm(SchoolModelForm):
    class Meta:
        model = Commendation
        fields = ["title", "level", "issuer", "awarded_on", "member", "staff", "person_name"]


class StoryForm(SchoolModelForm):
    class Meta:
        model = Story
        fields = [
            "title",
            "person_name",
            "told_on",
            "body",
            "photo",
            "member",
            "alumnus",
            "commendation",
            "honour",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = Q(pk=self.instance.alumnus_id) if self.instance.alumnus_id else Q(pk__in=[])
        self.fields["alumnus"].queryset = Student.objects.filter(  # type: ignore[attr-defined]
            Q(school=self.school, status=StudentStatus.GRADUATED, archived_at__isnull=True)
            | current
        )

    def clean_photo(self) -> Any:
        photo = check_upload(self.cleaned_data.get("photo"))
        if (
            photo
            and hasattr(photo, "read")
            and Path(photo.name).suffix.lower() not in IMAGE_SUFFIXES
        ):
            raise ValidationError(_("Upload a JPEG or PNG photo."), code="file_type")
        return photo
