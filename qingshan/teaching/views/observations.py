"""Pages of the observation loop: the list, beginning an observation, scoring it on a phone,
the record with the teacher's reply, a leader's reading and the lesson's deliberation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.downloads import sheet_download
from qingshan.core.errors import show_on_form
from qingshan.core.htmx import render_page
from qingshan.core.models import School
from qingshan.core.params import id_param
from qingshan.core.records import school_for
from qingshan.organization.selectors import terms
from qingshan.teaching.enums import ObservationKind
from qingshan.teaching.exporters import observation_rows
from qingshan.teaching.forms.observations import (
    DeliberationForm,
    LessonForm,
    ReplyForm,
    ReviewForm,
    ScoreForm,
    item_field_name,
)
from qingshan.teaching.importers.observations import OBSERVATION_SHEET
from qingshan.teaching.models import Observation
from qingshan.teaching.selectors import observations as selectors
from qingshan.teaching.selectors.rubrics import items_of, max_points_of, published_rubric
from qingshan.teaching.selectors.team import research_groups
from qingshan.teaching.services import observations as services
from qingshan.teaching.services.deliberations import record_deliberation

PAGE_SIZE = 50
SHOWN = {"given": "observer", "received": "teacher"}


def _observation(school: School, viewer: selectors.Viewer, pk: int) -> Observation:
    observation = selectors.observation_for(school, viewer, pk)
    if observation is None:
        raise Http404
    return observation


def _filtered(
    request: HttpRequest, school: School, viewer: selectors.Viewer
) -> QuerySet[Observation]:
    """The observations the viewer may see, narrowed by the list's filters (unknown values of a
    filter are ignored)."""
    rows = selectors.observations(school, viewer)
    shown = request.GET.get("show", "")
    if shown in SHOWN and viewer.staff is not None:
        rows = rows.filter(**{SHOWN[shown]: viewer.staff})
    term = id_param(request, "term")
    if term is not None:
        rows = rows.filter(term=term)
    kind = request.GET.get("kind", "")
    if kind in ObservationKind.values:
        rows = rows.filter(kind=kind)
    return rows


@login_required
def observation_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.observe")
    viewer = selectors.Viewer.of(school, request.user)
    rows = _filtered(request, school, viewer)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "viewer": viewer,
        "shown": request.GET.get("show", ""),
        "terms": terms(school),
        "term": request.GET.get("term", ""),
        "kinds": ObservationKind.choices,
        "kind": request.GET.get("kind", ""),
    }
    return render_page(request, "teaching/observation_list.html", context, partial="results")


@login_required
def observation_export(request: HttpRequest) -> HttpResponse:
    """The list with its filters, submitted observations only, in the import's layout."""
    school = school_for(request, "teaching.observe")
    rows = _filtered(request, school, selectors.Viewer.of(school, request.user))
    return sheet_download(
        OBSERVATION_SHEET,
        observation_rows(rows),
        stem="observations",
        language=translation.get_language(),
        as_csv=request.GET.get("format") == "csv",
    )


@login_required
def observation_new(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.observe", write=True)
    observer = selectors.staff_of_user(school=school, user=request.user)
    rubric = published_rubric(school)
    form = None
    if observer is not None and rubric is not None:
        form = LessonForm(request.POST or None, school=school, observer=observer)
        if request.method == "POST" and form.is_valid():
            try:
                observation = services.begin_observation(
                    school=school, observer=observer, values=form.values()
                )
            except ValidationError as error:
                show_on_form(form, error)
            else:
                return redirect("teaching:observation_score", pk=observation.pk)
    context = {"form": form, "observer": observer, "rubric": rubric}
    return render(request, "teaching/observation_new.html", context)


@login_required
def observation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.observe", write=True)
    viewer = selectors.Viewer.of(school, request.user)
    observation = _observation(school, viewer, pk)
    if not viewer.may_edit(observation):
        raise Http404
    form = LessonForm(
        request.POST or None, instance=observation, school=school, observer=viewer.staff
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_lesson(observation=observation, values=form.values())
        except ValidationError as error:
            show_on_form(form, error)
        else:
            return redirect("teaching:observation_score", pk=pk)
    context = {"form": form, "observation": observation}
    return render(request, "teaching/observation_edit.html", context)


@login_required
def observation_score(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.observe", write=True)
    viewer = selectors.Viewer.of(school, request.user)
    observation = _observation(school, viewer, pk)
    if not viewer.may_edit(observation):
        return redirect(observation)
    items = items_of(observation.rubric)
    scores = selectors.scores_of(observation)
    initial = {
        "strengths": observation.strengths,
        "suggestions": observation.suggestions,
        **{item_field_name(item): scores[item.pk].points for item in items if item.pk in scores},
    }
    form = ScoreForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_draft(
                observation=observation,
                points=form.points(),
                strengths=form.cleaned_data["strengths"],
                suggestions=form.cleaned_data["suggestions"],
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            if request.POST.get("action") != "submit":
                messages.success(request, _("The draft is saved."))
                return redirect("teaching:observation_score", pk=pk)
            try:
                services.submit_observation(observation=saved, on=timezone.localdate())
            except ValidationError as error:
                messages.warning(request, _("The draft is saved but not submitted."))
                show_on_form(form, error)
            else:
                messages.success(request, _("The observation is submitted."))
                return redirect(observation)
    context = {
        "observation": observation,
        "form": form,
        "scored": len(scores),
        "items": len(items),
        "max_points": max_points_of(items),
    }
    return render(request, "teaching/observation_score.html", context)


@login_required
def observation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.observe")
    viewer = selectors.Viewer.of(school, request.user)
    observation = _observation(school, viewer, pk)
    items = items_of(observation.rubric)
    scores = selectors.scores_of(observation)
    grouped: dict[str, list[tuple[object, object]]] = {}
    for item in items:
        grouped.setdefault(item.group, []).append((item, scores.get(item.pk)))
    mates = selectors.lesson_mates(observation, viewer)
    context = {
        "observation": observation,
        "viewer": viewer,
        "grouped": grouped,
        "max_points": max_points_of(items),
        "may_edit": viewer.may_edit(observation),
        "reply_form": ReplyForm() if viewer.may_reply(observation) else None,
        "review_form": (
            ReviewForm(
                initial={
                    "review_level": observation.review_level,
                    "review_note": observation.review_note,
                }
            )
            if viewer.may_mark_read(observation)
            else None
        ),
        "deliberation_form": (
            DeliberationForm(
                mates=mates,
                groups=research_groups(school),
                initial={"observations": list(mates), "held_on": timezone.localdate()},
            )
            if viewer.may_deliberate(observation)
            else None
        ),
    }
    return render(request, "teaching/observation_detail.html", context)


def _refused(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def observation_discard(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.observe", write=True)
    viewer = selectors.Viewer.of(school, request.user)
    observation = _observation(school, viewer, pk)
    if not viewer.may_edit(observation):
        raise Http404
    try:
        services.discard_draft(observation=observation)
    except ValidationError as error:
        _refused(request, error)
        return redirect(observation)
    messages.success(request, _("The draft is put aside."))
    return redirect("teaching:observation_list")


@login_required
@require_POST
def observation_reply(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.observe", write=True)
    viewer = selectors.Viewer.of(school, request.user)
    observation = _observation(school, viewer, pk)
    form = ReplyForm(request.POST)
    if viewer.staff is None or not form.is_valid():
        messages.error(request, _("Write your reply."))
        return redirect(observation)
    try:
        services.reply_to_observation(
            observation=observation,
            by=viewer.staff,
            text=form.cleaned_data["reply"],
            on=timezone.localdate(),
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Your reply is recorded."))
    return redirect(observation)


@login_required
@require_POST
def observation_review(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.lead", write=True)
    viewer = selectors.Viewer.of(school, request.user)
    observation = _observation(school, viewer, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a level."))
        return redirect(observation)
    try:
        services.mark_read(
            observation=observation,
            by=request.user,
            level=form.cleaned_data["review_level"],
            note=form.cleaned_data["review_note"],
            on=timezone.localdate(),
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Marked read."))
    return redirect(observation)


@login_required
@require_POST
def deliberation_new(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.observe", write=True)
    viewer = selectors.Viewer.of(school, request.user)
    observation = _observation(school, viewer, pk)
    if not viewer.may_deliberate(observation):
        raise Http404
    form = DeliberationForm(
        request.POST,
        mates=selectors.lesson_mates(observation, viewer),
        groups=research_groups(school),
    )
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(observation)
    try:
        deliberation = record_deliberation(school=school, **form.cleaned_data)
    except ValidationError as error:
        _refused(request, error)
        return redirect(observation)
    messages.success(request, _("The deliberation is recorded."))
    return redirect(deliberation)


@login_required
def deliberation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.observe")
    viewer = selectors.Viewer.of(school, request.user)
    deliberation = selectors.deliberation_for(school, viewer, pk)
    if deliberation is None:
        raise Http404
    context = {
        "deliberation": deliberation,
        "observations": selectors.observations(school, viewer).filter(deliberation=deliberation),
    }
    return render(request, "teaching/deliberation_detail.html", context)
