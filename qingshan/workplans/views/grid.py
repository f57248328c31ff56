"""Pages of the responsibility grid: the table, its checks, the roster, copying a term."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.downloads import PDF, XLSX, attachment
from qingshan.core.models import School
from qingshan.core.params import id_param
from qingshan.core.records import may_write, school_for
from qingshan.organization import selectors as organization
from qingshan.organization.models import Term
from qingshan.workplans.enums import GapKind, Weekday
from qingshan.workplans.exporters import roster_pdf, roster_xlsx
from qingshan.workplans.forms import GridCopyForm
from qingshan.workplans.selectors import grid as selectors
from qingshan.workplans.services import grid as services


def _term(request: HttpRequest, school: School) -> Term | None:
    chosen = id_param(request, "term")
    if chosen is not None:
        return get_object_or_404(organization.terms(school), pk=chosen)
    return organization.current_term(school=school, day=timezone.localdate())


def _table(request: HttpRequest, school: School, term: Term) -> selectors.GridTable:
    weekday = id_param(request, "weekday")
    return selectors.grid_table(
        school,
        term,
        line=id_param(request, "line"),
        place=id_param(request, "place"),
        weekday=weekday if weekday in Weekday.values else None,
    )


@login_required
def grid(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "workplans.view")
    term = _term(request, school)
    context: dict[str, object] = {
        "term": term,
        "terms": selectors.terms_latest_first(school),
        "lines": selectors.lines(school).active(),
        "places": selectors.places(school).active(),
        "weekdays": Weekday.choices,
        "chosen": {key: request.GET.get(key, "") for key in ("line", "place", "weekday")},
        "can_manage": may_write(request, "workplans.manage", school),
    }
    if term is not None:
        context["table"] = _table(request, school, term)
        query = request.GET.copy()
        query["term"] = str(term.pk)
        context["query"] = query.urlencode()
    return render(request, "workplans/grid.html", context)


@login_required
def grid_check(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "workplans.view")
    term = _term(request, school)
    check = selectors.check_grid(term) if term is not None else None
    return render(
        request,
        "workplans/grid_check.html",
        {
            "term": term,
            "terms": selectors.terms_latest_first(school),
            "check": check,
            "kinds": GapKind.choices,
        },
    )


def _roster_title(term: Term) -> str:
    return _("Duty roster, %(term)s") % {"term": term}


@login_required
def grid_roster(request: HttpRequest, fmt: str) -> HttpResponse:
    school = school_for(request, "workplans.view")
    term = _term(request, school)
    if term is None:
        messages.error(request, _("The school has no term yet."))
        return redirect("workplans:grid")
    table = _table(request, school, term)
    title = _roster_title(term)
    if fmt == "pdf":
        return attachment(
            roster_pdf(table, title=title, school=school), f"roster-{term.pk}.pdf", PDF
        )
    return attachment(roster_xlsx(table, title=title), f"roster-{term.pk}.xlsx", XLSX)


@login_required
def grid_copy(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "workplans.manage", write=True)
    target = get_object_or_404(organization.terms(school), pk=pk)
    form = GridCopyForm(
        request.POST or None,
        school=school,
        target=target,
        initial={"source": selectors.previous_term(target)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            copied = services.copy_grid(
                source=form.cleaned_data["source"],
                target=target,
                keep_people=form.cleaned_data["keep_people"],
            )
            messages.success(
                request, _("%(count)d cells were copied; check what changed.") % {"count": copied}
            )
            return redirect(f"{_changes_url(target)}")
        except ValidationError as error:
            form.add_error(None, error)
    return render(
        request,
        "workplans/grid_copy.html",
        {"form": form, "term": target},
        status=400 if request.method == "POST" else 200,
    )


def _changes_url(term: Term) -> str:
    return reverse("workplans:grid_changes", args=[term.pk])


@login_required
def grid_changes(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "workplans.view")
    term = get_object_or_404(organization.terms(school), pk=pk)
    previous = selectors.previous_term(term)
    changes = selectors.term_changes(term, previous) if previous is not None else []
    return render(
        request,
        "workplans/grid_changes.html",
        {"term": term, "previous": previous, "changes": changes},
    )
