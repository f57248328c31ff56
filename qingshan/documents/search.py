"""Documents found by the search box: those the user may read, by title or number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import PER_KIND, Hit, HitGroup, source
from qingshan.documents.selectors import readable_documents
from qingshan.documents.selectors import search as search_documents


@source
def documents(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("documents.view", school):
        return
    found = list(
        search_documents(readable_documents(school=school, user=user), query)[: PER_KIND + 1]
    )
    yield HitGroup(
        _("Documents"),
        [Hit(d.title, d.get_absolute_url(), d.number) for d in found[:PER_KIND]],
        f"{reverse('documents:document_list')}?{urlencode({'q': query})}"
        if len(found) > PER_KIND
        else "",
    )
