"""Documents found by the search box: those the user may read, by title or number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source
from qingshan.documents.selectors import readable_documents
from qingshan.documents.selectors import search as search_documents


@source
def documents(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("documents.view", school):
        return
    yield hit_group(
        _("Documents"),
        search_documents(readable_documents(school=school, user=user), query),
        lambda d: Hit(d.title, d.get_absolute_url(), d.number),
        list_url=reverse("documents:document_list"),
        query=query,
    )
