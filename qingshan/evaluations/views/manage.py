"""Pages of the secretary and the school office: instruments, campaigns, participation, review."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.downloads import PDF, XLSX, attachment
from qingshan.core.records import may_write, school_for
from qingshan.core.services import create_record, update_record
from qingshan.evaluations.enums import CampaignStatus, ReviewStatus
from qingshan.evaluations.forms import CampaignForm, QuestionForm
from qingshan.evaluations.models import Campaign, Instrument, Question, RaterToken, TextAnswer
from qingshan.evaluations.services import campaigns as services
from qingshan.evaluations.services.library import install_library


@login_required
def instrument_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "evaluations.view")
    if request.method == "POST":
        school = school_for(request, "evaluations.manage", write=True)
        installed = install_library(school=school)
        messages.success(
            request,
            _("%(count)d instruments were added from the library.") % {"count": len(installed)},
        )
        return redirect("evaluations:instrument_list")
    instruments = Instrument.objects.for_school(school).annotate(question_count=Count("questions"))
    return render(
        request,
        "evaluations/instrument_list.html",
        {
            "instruments": instruments,
            "can_manage": may_write(request, "evaluations.manage", school),
        },
    )


@login_required
def instrument_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "evaluations.view")
    instrument = get_object_or_404(Instrument.objects.for_school(school), pk=pk)
    context = {
        "instrument": instrument,
        "questions": instrument.questions.all(),
        "can_manage": may_write(request, "evaluations.manage", school),
    }
    return render(request, "evaluations/instrument_detail.html", context)


@login_required
def question_form(request: HttpRequest, instrument_pk: int, pk: int | None = None) -> HttpResponse:
    school = school_for(request, "evaluations.manage", write=True)
    instrument = get_object_or_404(Instrument.objects.for_school(school), pk=instrument_pk)
    question = (
        get_object_or_404(Question.objects.for_school(school), pk=pk, instrument=instrument)
        if pk
        else None
    )
    if instrument.campaigns.exclude(status=CampaignStatus.DRAFT).exists():
        messages.error(
            request,
            _(
                "This instrument is in use by a prepared campaign; its questions can no longer change."
            ),
        )
        return redirect("evaluations:instrument_detail", pk=instrument.pk)
    form = QuestionForm(request.POST or None, instance=question, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            if question is None:
                create_record(
                    school=school,
                    model=Question,
                    values={**form.values(), "instrument": instrument},
                )
            else:
                update_record(record=question, values=form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            return redirect("evaluations:instrument_detail", pk=instrument.pk)
    context = {"form": form, "instrument": instrument, "question": question}
    return render(
        request,
        "evaluations/question_form.html",
        context,
        status=422 if request.method == "POST" else 200,
    )


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "evaluations.view")
    campaigns = Campaign.objects.for_school(school).select_related("instrument", "term")
    return render(
        request,
        "evaluations/campaign_list.html",
        {"campaigns": campaigns, "can_manage": may_write(request, "evaluations.manage", school)},
    )


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "evaluations.manage", write=True)
    form = CampaignForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.create_campaign(school=school, **form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            return redirect("evaluations:campaign_detail", pk=campaign.pk)
    return render(
        request,
        "evaluations/campaign_form.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


def _campaign(school: Any, pk: int) -> Campaign:
    return get_object_or_404(
        Campaign.objects.for_school(school).select_related("instrument", "term"), pk=pk
    )


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "evaluations.view")
    campaign = _campaign(school, pk)
    services.apply_schedule(now=timezone.now(), campaigns=Campaign.objects.filter(pk=campaign.pk))
    campaign.refresh_from_db()
    participation = (
        RaterToken.objects.filter(campaign=campaign)
        .values("school_class__name", "rater_kind")
        .annotate(
            invited=Count("pk", distinct=True),
            responded=Count("pk", filter=Q(dues__done=True), distinct=True),
        )
        .order_by("school_class__name", "rater_kind")
    )
    context = {
        "campaign": campaign,
        "transitions": campaign.transitions.select_related("actor"),
        "participation": participation,
        "pending_reviews": TextAnswer.objects.filter(
            target__campaign=campaign, review=ReviewStatus.PENDING
        ).count(),
        "can_manage": may_write(request, "evaluations.manage", school),
        "statuses": CampaignStatus,
    }
    return render(request, "evaluations/campaign_detail.html", context)


ACTIONS = {
    "prepare": services.prepare_campaign,
    "open": services.open_campaign,
    "close": services.close_campaign,
    "finish_review": services.finish_review,
    "publish": services.publish_campaign,
}


@login_required
@require_POST
def campaign_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    school = school_for(request, "evaluations.manage", write=True)
    campaign = _campaign(school, pk)
    if action not in ACTIONS:
        raise Http404
    try:
        ACTIONS[action](campaign=campaign, actor=request.user)
        messages.success(
            request,
            _("The campaign is now %(status)s.") % {"status": campaign.get_status_display()},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("evaluations:campaign_detail", pk=pk)


@login_required
def participation(request: HttpRequest, pk: int) -> HttpResponse:
    """Who has not rated yet (for reminders): names and counts only, never an answer."""
    school = school_for(request, "evaluations.manage")
    campaign = _campaign(school, pk)
    waiting = (
        RaterToken.objects.filter(campaign=campaign)
        .annotate(
            owed=Count("dues", filter=Q(dues__done=False)),
            given=Count("dues", filter=Q(dues__done=True)),
        )
        .filter(owed__gt=0)
        .select_related("student", "guardian", "staff", "member", "school_class")
        .order_by("school_class__name", "label")
    )
    return render(
        request, "evaluations/participation.html", {"campaign": campaign, "waiting": waiting}
    )


@login_required
def token_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The rater links of a campaign as Excel (label, class, link), for mail merges and sheets."""
    from qingshan.core.tabular.spec import Column, SheetSpec
    from qingshan.core.tabular.writing import write_xlsx

    school = school_for(request, "evaluations.manage", write=True)
    campaign = _campaign(school, pk)
    sheet = SheetSpec(
        key="tokens",
        title_zh="评价链接",
        title_en="Rating links",
        columns=(
            Column("label", "评价人", "Rater"),
            Column("class", "班级", "Class"),
            Column("kind", "类别", "Kind"),
            Column("link", "链接", "Link"),
        ),
    )
    rows = (
        {
            "label": token.label,
            "class": token.school_class.name if token.school_class else "",
            "kind": token.get_rater_kind_display(),
            "link": request.build_absolute_uri(reverse("evaluations:exchange", args=[token.key])),
        }
        for token in campaign.tokens.select_related("school_class").order_by(
            "school_class__name", "label"
        )
    )
    return attachment(
        write_xlsx(sheet, rows, language=translation.get_language()),
        f"campaign-{campaign.pk}-links.xlsx",
        XLSX,
    )


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "evaluations.manage")
    campaign = _campaign(school, pk)
    if request.method == "POST":
        school_for(request, "evaluations.manage", write=True)
        answers = TextAnswer.objects.filter(
            target__campaign=campaign,
            pk__in=[key[7:] for key in request.POST if key.startswith("review_")],
        )
        try:
            services.review_text_answers(
                campaign=campaign,
                reviews={
                    answer: request.POST[f"review_{answer.pk}"]
                    for answer in answers.select_related("target__campaign")
                },
            )
            messages.success(request, _("The review was saved."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("evaluations:review", pk=pk)
    answers = (
        TextAnswer.objects.filter(target__campaign=campaign)
        .select_related("target", "question")
        .order_by("target__label", "id")
    )
    return render(
        request,
        "evaluations/review.html",
        {"campaign": campaign, "answers": answers, "choices": ReviewStatus.choices[1:]},
    )


@login_required
def qr_sheets(request: HttpRequest, pk: int) -> HttpResponse:
    """Slips for one class (or for the raters without a class): choose, then download the PDF."""
    from qingshan.evaluations.sheets import slips_pdf

    school = school_for(request, "evaluations.manage", write=True)
    campaign = _campaign(school, pk)
    group = request.GET.get("class")
    tokens = campaign.tokens.select_related("school_class").order_by("label")
    if group is None:
        groups = (
            tokens.values("school_class", "school_class__name")
            .annotate(n=Count("pk"))
            .order_by("school_class__name")
        )
        return render(
            request, "evaluations/qr_sheets.html", {"campaign": campaign, "groups": groups}
        )
    chosen = (
        tokens.filter(school_class__isnull=True)
        if group == "none"
        else tokens.filter(school_class_id=group if group.isdigit() else -1)
    )
    if not chosen.exists():
        raise Http404

    def link_for(token: RaterToken) -> str:
        return request.build_absolute_uri(reverse("evaluations:exchange", args=[token.key]))

    return attachment(
        slips_pdf(campaign=campaign, tokens=chosen, link_for=link_for),
        f"slips-{campaign.pk}-{group}.pdf",
        PDF,
    )
