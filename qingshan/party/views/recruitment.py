"""Recruitment pages: the pipeline board, applications, a recruit's record with its steps."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.downloads import DOCX, attachment, stored_file
from qingshan.core.models import School
from qingshan.core.records import may_write, school_for
from qingshan.party import paperwork
from qingshan.party.enums import RecruitEventKind, Stage
from qingshan.party.models import StepDocument
from qingshan.party.recruitment_forms import (
    ApplicationForm,
    CultivationForm,
    RecruitEventForm,
    StepDocumentForm,
    StepForm,
)
from qingshan.party.selectors import recruitment as selectors
from qingshan.party.services import recruitment as services
from qingshan.party.services.recruitment_rules import refusal_sentence


@login_required
def recruit_board(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.view")
    rows = selectors.pipeline_board(school=school, today=timezone.localdate())
    columns = [
        {"stage": label, "rows": [row for row in rows if row.stage == value]}
        for value, label in Stage.choices
    ]
    context = {
        "columns": columns,
        "overdue": [row for row in rows if row.overdue],
        "rows_count": len(rows),
        "exceptions": selectors.explained_exceptions(school=school).select_related("recruit")[:50],
        "can_manage": may_write(request, "party.manage", school),
    }
    return render(request, "party/recruit_board.html", context)


@login_required
def recruit_create(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    form = ApplicationForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            recruit = services.register_application(school=school, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The application of %(name)s was registered.") % {"name": recruit.name}
            )
            return redirect("party:recruit_detail", pk=recruit.pk)
    return render(
        request,
        "party/recruit_form.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


def _recruit(school: School, pk: int) -> Any:
    return get_object_or_404(selectors.recruits(school), pk=pk)


@login_required
def recruit_detail(
    request: HttpRequest,
    pk: int,
    step_form: StepForm | None = None,
    refusal: list[str] | None = None,
) -> HttpResponse:
    school = school_for(request, "party.view")
    recruit = _recruit(school, pk)
    steps = list(
        recruit.steps.prefetch_related("actors", "documents").order_by("step", "date", "pk")
    )
    next_step = min((steps[-1].step + 1) if steps else 1, 25)
    context = {
        "recruit": recruit,
        "steps": steps,
        "events": recruit.events.all(),
        "cultivation": recruit.cultivation.all(),
        "step_form": step_form
        or StepForm(school=school, initial={"step": next_step, "date": timezone.localdate()}),
        "event_form": RecruitEventForm(initial={"date": timezone.localdate()}),
        "cultivation_form": CultivationForm(initial={"date": timezone.localdate()}),
        "can_manage": may_write(request, "party.manage", school),
        "paperwork": PAPERWORK_FOR_STAGE,
        "document_form": StepDocumentForm(recruit=recruit),
        "documents": [document for step in steps for document in step.documents.all()],
        "refusal": refusal or [],
    }
    return render(
        request, "party/recruit_detail.html", context, status=422 if step_form is not None else 200
    )


@login_required
@require_POST
def recruit_step(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    recruit = _recruit(school, pk)
    form = StepForm(request.POST, school=school)
    if form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if value not in (None, "")}
        try:
            services.record_step(recruit=recruit, **data)
        except ValidationError as error:
            # One sentence at the top of the form; the rules' own words below it, folded.
            form.add_error(
                None, refusal_sentence(step=data["step"], date=data["date"], error=error)
            )
            return recruit_detail(request, pk, step_form=form, refusal=error.messages)
        messages.success(request, _("The step was recorded."))
        return redirect("party:recruit_detail", pk=pk)
    return recruit_detail(request, pk, step_form=form)


@login_required
@require_POST
def recruit_event(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    recruit = _recruit(school, pk)
    form = RecruitEventForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, " ".join(str(error) for errors in form.errors.values() for error in errors)
        )
        return redirect("party:recruit_detail", pk=pk)
    data = form.cleaned_data
    try:
        if kind == RecruitEventKind.PROBATION_EXTENDED:
            services.extend_probation(
                recruit=recruit,
                date=data["date"],
                months=data["months"] or 0,
                reason=data["reason"],
            )
        elif kind == RecruitEventKind.REVOKED:
            services.revoke_candidacy(recruit=recruit, date=data["date"], reason=data["reason"])
        elif kind == RecruitEventKind.WITHDRAWN:
            services.withdraw(recruit=recruit, date=data["date"], reason=data["reason"])
        elif kind == RecruitEventKind.PUBLIC_NOTICE:
            if data["end_date"] is None:
                raise ValidationError(_("Enter the last day of the public notice."))
            services.record_public_notice(
                recruit=recruit, start=data["date"], end=data["end_date"], reason=data["reason"]
            )
        else:
            raise Http404
        messages.success(request, _("Recorded."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("party:recruit_detail", pk=pk)


@login_required
@require_POST
def recruit_cultivation(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    recruit = _recruit(school, pk)
    form = CultivationForm(request.POST)
    if form.is_valid():
        try:
            services.add_cultivation_record(recruit=recruit, **form.cleaned_data)
            messages.success(request, _("Recorded."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose the kind and the date."))
    return redirect("party:recruit_detail", pk=pk)


PAPERWORK_FOR_STAGE = paperwork.PAPERS


@login_required
def recruit_paperwork(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    school = school_for(request, "party.view")
    recruit = _recruit(school, pk)
    paper = paperwork.BY_KEY.get(key)
    if paper is None or recruit.stage < paper.stage:
        raise Http404
    return attachment(
        paperwork.render_paper(paper, recruit, school.name),
        f"{paper.key}-{recruit.pk}.docx",
        DOCX,
    )


@login_required
@require_POST
def recruit_document(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    recruit = _recruit(school, pk)
    form = StepDocumentForm(request.POST, request.FILES, recruit=recruit)
    if form.is_valid():
        try:
            services.attach_document(**form.cleaned_data)
            messages.success(request, _("The document was filed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(
            request, " ".join(str(error) for errors in form.errors.values() for error in errors)
        )
    return redirect("party:recruit_detail", pk=pk)


@login_required
def recruit_document_file(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """A filed document, served through the permission check (media is never public)."""

    school = school_for(request, "party.view")
    recruit = _recruit(school, pk)
    document = get_object_or_404(
        StepDocument.objects.for_school(school), pk=document_pk, step__recruit=recruit
    )
    return stored_file(document.file, as_attachment=True)
