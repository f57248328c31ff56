"""Forms of the enterprise register, agreements and order classes; every choice is the school's."""

from __future__ import annotations

from typing import Any

from django import forms

from qingshan.careers.models import Agreement, Enterprise, OrderClass
from qingshan.core.forms import SchoolModelForm
from qingshan.core.uploads import check_upload


class EnterpriseForm(SchoolModelForm):
    class Meta:
        model = Enterprise
        fields = [
            "name",
            "credit_code",
            "province",
            "city",
            "sector",
            "size",
            "address",
            "contact_name",
            "phone",
            "note",
        ]
        widgets = {"credit_code": forms.TextInput(attrs={"autocapitalize": "characters"})}


class AgreementForm(SchoolModelForm):
    class Meta:
        model = Agreement
        fields = [
            "enterprise",
            "title",
            "signed_on",
            "starts_on",
            "ends_on",
            "majors",
            "places_per_year",
            "renews_on",
            "remind_days",
            "file",
            "note",
        ]

    def clean_file(self) -> Any:
        return check_upload(self.cleaned_data.get("file"))


class OrderClassForm(SchoolModelForm):
    class Meta:
        model = OrderClass
        fields = [
            "name",
            "enterprise",
            "agreement",
            "school_class",
            "students",
            "starts_on",
            "ends_on",
            "curriculum",
            "company_share",
            "hiring_commitment",
            "note",
        ]
