"""The search page: the query's hits across the apps the user may read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from qingshan.core.records import school_for
from qingshan.core.search import MAX_QUERY, clean_query, search


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "core.view_dashboard")
    query, error = clean_query(request.GET.get("q", "")), ""
    try:
        ProhibitNullCharactersValidator()(query)
    except ValidationError as invalid:
        query, error = "", " ".join(invalid.messages)
    groups = search(school=school, user=request.user, query=query) if query else []
    return render(
        request,
        "search.html",
        {"query": query, "groups": groups, "max_query": MAX_QUERY, "error": error},
        status=400 if error else 200,
    )
