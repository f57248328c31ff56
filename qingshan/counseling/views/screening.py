"""The counselors' screening pages: the "one without leaking" board, scales, campaigns with their
links, and alerts with their follow-up."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.actions import act_and_return
from qingshan.core.audit import log_read
from qingshan.core.errors import show_on_form
from qingshan.core.qr import qr_svg
from qingshan.core.records import PAGE_SIZE, school_for
from qingshan.core.views import private_page
from qingshan.counseling.enums import CampaignState, Grade
from qingshan.counseling.forms.screening import CampaignForm, FollowUpForm, LinksForm
from qingshan.counseling.selectors import screening as selectors
from qingshan.counseling.services import screening
from qingshan.organization.selectors import staff_of_user

SCREEN = "counseling.screen"


@login_required
def board(request: HttpRequest) -> HttpResponse:
    """Coverage of a campaign by class, who is not screened yet, and alerts not followed up."""
    school = school_for(request, SCREEN)
    campaigns = list(selectors.campaigns(school).exclude(state=CampaignState.DRAFT)[:20])
    chosen = request.GET.get("campaign", "")
    campaign = next((c for c in campaigns if str(c.pk) == chosen), None) or next(
        iter(campaigns), None
    )
    rows = selectors.coverage(campaign) if campaign else []
    students = sum(row.students for row in rows)
    done = sum(row.screened for row in rows)
    context: dict[str, Any] = {
        "campaigns": campaigns,
        "campaign": campaign,
        "coverage": rows,
        "unscreened": list(selectors.unscreened(campaign)[:300]) if campaign else [],
        "alerts": list(selectors.open_alerts(school)[:200]),
        "today": timezone.localdate(),
        "students": students,
        "screened": done,
        "share": round(done * 100 / students, 1) if students else None,
    }
    return render(request, "counseling/board.html", context)


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, SCREEN)
    rows = selectors.campaigns(school).order_by("-opens_on", "pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "counseling/campaign_list.html", {"page": page})


@login_required
def campaign_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    school = school_for(request, SCREEN, write=True)
    campaign = get_object_or_404(selectors.campaigns(school), pk=pk) if pk else None
    form = CampaignForm(request.POST or None, instance=campaign, school=school)
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.values().items() if name != "classes"}
        classes = form.cleaned_data["classes"]
        try:
            if campaign is None:
                campaign = screening.create_campaign(school=school, values=values, classes=classes)
            else:
                campaign = screening.update_campaign(
                    campaign=campaign, values=values, classes=classes
                )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect(campaign.get_absolute_url())
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "campaign": campaign}
    return render(request, "counseling/campaign_form.html", context, status=status)


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN)
    campaign = get_object_or_404(selectors.campaigns(school), pk=pk)
    coverage = selectors.coverage(campaign)
    context = {
        "campaign": campaign,
        "coverage": coverage,
        "students": sum(row.students for row in coverage),
        "screened": sum(row.screened for row in coverage),
        "outside_age": selectors.outside_age(campaign),
        "grades": [
            (Grade(grade).label, count)
            for grade, count in selectors.grade_counts(selectors.screened(campaign)).items()
        ],
        "classes": list(campaign.classes.order_by("name")),
        "links_form": LinksForm(campaign=campaign)
        if campaign.state == CampaignState.OPEN
        else None,
    }
    return render(request, "counseling/campaign_detail.html", context)


@login_required
@require_POST
def campaign_open(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN, write=True)
    campaign = get_object_or_404(selectors.campaigns(school), pk=pk)
    outside = selectors.outside_age(campaign)
    if outside and campaign.state == CampaignState.DRAFT:
        messages.warning(
            request,
            _(
                "%(count)s students are outside the ages the scale is meant for; read their "
                "results with care."
            )
            % {"count": outside},
        )
    return act_and_return(
        request,
        campaign,
        lambda record: screening.open_campaign(campaign=record),
        done=_("The campaign is open for answers."),
        back_to=campaign.get_absolute_url(),
    )


@login_required
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN, write=True)
    campaign = get_object_or_404(selectors.campaigns(school), pk=pk)
    return act_and_return(
        request,
        campaign,
        lambda record: screening.close_campaign(campaign=record),
        done=_("The campaign is closed."),
        back_to=campaign.get_absolute_url(),
    )


@private_page
@login_required
@require_POST
def campaign_links(request: HttpRequest, pk: int) -> HttpResponse:
    """Slips with one-time links for the students of a class who are not screened yet (shown on
    this response only; the school keeps only their keyed hashes)."""
    school = school_for(request, SCREEN, write=True)
    campaign = get_object_or_404(selectors.campaigns(school), pk=pk)
    form = LinksForm(request.POST, campaign=campaign)
    if not form.is_valid():
        messages.error(request, _("Choose a class of the campaign."))
        return redirect(campaign.get_absolute_url())
    students = list(
        selectors.unscreened(campaign).filter(school_class=form.cleaned_data["school_class"])
    )
    try:
        keys = screening.issue_links(campaign=campaign, students=students)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(campaign.get_absolute_url())
    home = request.build_absolute_uri(reverse("counseling:answer_home"))
    slips = [
        (student, f"{home}#k={keys[student.pk]}", qr_svg(f"{home}#k={keys[student.pk]}"))
        for student in students
        if student.pk in keys
    ]
    context = {
        "campaign": campaign,
        "slips": slips,
        "school_class": form.cleaned_data["school_class"],
    }
    return render(request, "counseling/links.html", context)


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, SCREEN)
    show_all = request.GET.get("all") == "1"
    rows = selectors.alerts(school) if show_all else selectors.open_alerts(school)
    page = Paginator(rows.order_by("-raised_on", "-grade", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "show_all": show_all, "today": timezone.localdate()}
    return render(request, "counseling/alert_list.html", context)


@login_required
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN)
    alert = get_object_or_404(selectors.alerts(school), pk=pk)
    if request.method == "GET":
        # An alert shows a student's scores: its reads are logged like a case's.
        log_read(obj=alert, actor=request.user, remote_addr=request.META.get("REMOTE_ADDR"))
    staff = staff_of_user(school=school, user=request.user)
    form = FollowUpForm(request.POST or None, initial={"interviewed_on": timezone.localdate()})
    if request.method == "POST" and alert.is_open:
        if staff is None:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                screening.follow_up(
                    alert=alert,
                    staff=staff,
                    outcome=form.cleaned_data["outcome"],
                    on=form.cleaned_data["interviewed_on"],
                )
            except ValidationError as error:
                show_on_form(form, error)
            else:
                messages.success(request, _("The follow-up is recorded."))
                return redirect(alert.get_absolute_url())
    scale = alert.sheet.campaign.scale
    factors = {factor.code: factor.name for factor in scale.factors.all()}
    scores = [
        (factors.get(code, _("total score")), value) for code, value in alert.sheet.scores.items()
    ]
    context = {"alert": alert, "form": form if alert.is_open else None, "scores": scores}
    status = 422 if request.method == "POST" else 200
    return render(request, "counseling/alert_detail.html", context, status=status)
