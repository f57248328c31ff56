"""The filters of the document list: search, kind, issuer, department, status, year, archive."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.conf import settings

from qingshan.core.filters import SchoolFilterSet
from qingshan.core.models import School
from qingshan.documents import selectors
from qingshan.documents.enums import DocumentKind, DocumentStatus, Issuer
from qingshan.documents.models import Document
from qingshan.organization.models import Department


class DocumentFilter(SchoolFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind of document"), choices=DocumentKind.choices)
    issuer = django_filters.ChoiceFilter(label=_("issuer"), choices=Issuer.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("issuing department"), queryset=Department.objects.all()
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=DocumentStatus.choices)
    year = django_filters.TypedChoiceFilter(label=_("year"), coerce=int)

    class Meta:
        model = Document
        fields = ["q", "kind", "issuer", "department", "status", "year", "archive"]

    def __init__(self, *args: Any, school: School, queryset: QuerySet[Document], **kwargs: Any):
        super().__init__(*args, school=school, queryset=queryset, **kwargs)
        self.filters["year"].extra["choices"] = [
            ("", settings.EMPTY_CHOICE_LABEL),
            *((year, str(year)) for year in selectors.years(queryset)),
        ]
        self.filters["q"].label = _("Search the titles, numbers and texts")

    @property
    def terms(self) -> str:
        return (self.form.cleaned_data.get("q") or "").strip() if self.is_bound else ""

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return selectors.search(queryset, value)
