"""Pages of the secretary and the school office: instruments, campaigns, participation, review."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.downloads import PDF, XLSX, attachment
from qingshan.core.htmx import render_page
from qingshan.core.models import School
from qingshan.core.records import may_write, school_for
from qingshan.core.services import create_record, update_record
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.core.tabular.writing import write_xlsx
from qingshan.evaluations.enums import CampaignStatus, RaterKind, ReviewStatus
from qingshan.evaluations.forms import CampaignForm, QuestionForm
from qingshan.evaluations.models import Campaign, Question
from qingshan.evaluations.selectors import campaigns as selectors
from qingshan.evaluations.services import campaigns as services
from qingshan.evaluations.services import slips as slip_services
from qingshan.evaluations.services.keys import issue_keys
from qingshan.evaluations.services.library import install_library
from qingshan.evaluations.sheets import slips_pdf
from qingshan.evaluations.tasks import build_slips


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
    instruments = selectors.instruments_with_question_counts(school)
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
    instrument = get_object_or_404(selectors.instruments(school), pk=pk)
    context = {
        "instrument": instrument,
        "questions": selectors.instrument_questions(instrument),
        "can_manage": may_write(request, "evaluations.manage", school),
    }
    return render(request, "evaluations/instrument_detail.html", context)


@login_required
def question_form(request: HttpRequest, instrument_pk: int, pk: int | None = None) -> HttpResponse:
    school = school_for(request, "evaluations.manage", write=True)
    instrument = get_object_or_404(selectors.instruments(school), pk=instrument_pk)
    question = get_object_or_404(selectors.instrument_questions(instrument), pk=pk) if pk else None
    if selectors.instrument_in_use(instrument):
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
    campaigns = selectors.campaigns(school)
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


def _campaign(school: School, pk: int) -> Campaign:
    return get_object_or_404(selectors.campaigns(school), pk=pk)


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "evaluations.view")
    campaign = _campaign(school, pk)
    context = {
        "campaign": campaign,
        "schedule_due": selectors.schedule_due(campaign, timezone.now()),
        "transitions": selectors.transitions(campaign),
        "participation": [
            {**row, "kind": RaterKind(row["rater_kind"]).label}
            for row in selectors.participation_by_class(campaign)
        ],
        "pending_reviews": selectors.pending_review_count(campaign),
        "can_manage": may_write(request, "evaluations.manage", school),
        "statuses": CampaignStatus,
    }
    return render(request, "evaluations/campaign_detail.html", context)


def _apply_schedule(*, campaign: Campaign, actor: object = None) -> Campaign | None:
    """What the scheduler (``apply_rating_schedule``, every minute) would do, at once."""
    services.apply_schedule(now=timezone.now(), campaigns=selectors.same_campaign(campaign))
    return campaign


ACTIONS = {
    "schedule": _apply_schedule,
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
        campaign.refresh_from_db()
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
    return render(
        request,
        "evaluations/participation.html",
        {"campaign": campaign, "waiting": selectors.waiting_raters(campaign)},
    )


def _link(request: HttpRequest, key: str) -> str:
    """A slip's link: the key after ``#``, which browsers never send to a server."""
    return request.build_absolute_uri(reverse("evaluations:rate_home")) + f"#k={key}"


@login_required
@require_POST
def token_export(request: HttpRequest, pk: int) -> HttpResponse:
    """New links for every rater of the campaign as Excel (label, class, link), for mail merges.
    Making them replaces the links and slips made before (keys are shown once, never stored)."""
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
    issued = issue_keys(tokens=selectors.tokens_by_class(campaign))
    rows = (
        {
            "label": item.token.label,
            "class": item.token.school_class.name if item.token.school_class else "",
            "kind": item.token.get_rater_kind_display(),
            "link": _link(request, item.key),
        }
        for item in issued
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
        answers = selectors.answers_by_key(
            campaign, [key[7:] for key in request.POST if key.startswith("review_")]
        )
        try:
            services.review_text_answers(
                campaign=campaign,
                reviews={answer: request.POST[f"review_{answer.pk}"] for answer in answers},
            )
            messages.success(request, _("The review was saved."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("evaluations:review", pk=pk)
    return render(
        request,
        "evaluations/review.html",
        {
            "campaign": campaign,
            "answers": selectors.answers_to_review(campaign),
            "choices": ReviewStatus.choices[1:],
        },
    )


@login_required
def qr_sheets(request: HttpRequest, pk: int) -> HttpResponse:
    """Slips for one class (or for the raters without a class): choose, then print. Printing
    makes new keys for that class, so the class's slips printed before stop working. Or every
    class in one file, made in the background (``slips_all``)."""
    school = school_for(request, "evaluations.manage", write=True)
    campaign = _campaign(school, pk)
    if request.method != "POST":
        return render(
            request,
            "evaluations/qr_sheets.html",
            {
                "campaign": campaign,
                "groups": selectors.token_groups(campaign),
                "batch": selectors.slip_batches(campaign).first(),
            },
        )
    if selectors.slips_in_progress(campaign):
        # The file being made will replace every rater's key: a class printed now would not work.
        messages.error(
            request,
            _("The slips of every class are being made; print one class once they are ready."),
        )
        return redirect("evaluations:qr_sheets", pk=pk)
    group = request.POST.get("class", "")
    chosen = selectors.tokens_of_group(campaign, group)
    if not chosen.exists():
        raise Http404
    issued = issue_keys(tokens=chosen)
    return attachment(
        slips_pdf(
            campaign=campaign,
            slips=[(item.token, _link(request, item.key)) for item in issued],
        ),
        f"slips-{campaign.pk}-{group}.pdf",
        PDF,
    )


@login_required
@require_POST
def slips_all(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for the slips of every class in one file; a worker makes it while the page shows how
    far it has come."""
    school = school_for(request, "evaluations.manage", write=True)
    campaign = _campaign(school, pk)
    try:
        batch = slip_services.request_slips(
            campaign=campaign,
            link_base=request.build_absolute_uri(reverse("evaluations:rate_home")),
            actor=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        build_slips.enqueue(batch_id=batch.pk)
    return redirect("evaluations:qr_sheets", pk=pk)


@login_required
def slip_batch(request: HttpRequest, pk: int, batch_pk: int) -> HttpResponse:
    """How far the file of every class's slips has come (htmx polls it until it is done)."""
    school = school_for(request, "evaluations.manage", write=True)
    campaign = _campaign(school, pk)
    batch = get_object_or_404(selectors.slip_batches(campaign), pk=batch_pk)
    context = {"campaign": campaign, "batch": batch, "groups": selectors.token_groups(campaign)}
    return render_page(request, "evaluations/qr_sheets.html", context, partial="progress")


@login_required
@require_POST
def slip_batch_download(request: HttpRequest, pk: int, batch_pk: int) -> HttpResponse:
    """The file of every class's slips, once: downloading it deletes it from the server."""
    school = school_for(request, "evaluations.manage", write=True)
    campaign = _campaign(school, pk)
    batch = get_object_or_404(selectors.slip_batches(campaign), pk=batch_pk)
    try:
        pdf = slip_services.collect_slips(batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("evaluations:qr_sheets", pk=pk)
    return attachment(pdf, f"slips-{campaign.pk}-all.pdf", PDF)
