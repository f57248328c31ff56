"""Results (shown only from the minimum of raters, to those the instrument names) and follow-ups."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.audit import log_read
from qingshan.core.downloads import PDF, XLSX, attachment
from qingshan.core.models import School
from qingshan.core.records import may_write, school_for
from qingshan.evaluations import exporters
from qingshan.evaluations.enums import CampaignStatus
from qingshan.evaluations.forms import (
    FollowUpCloseForm,
    FollowUpForm,
    FollowUpRecordForm,
    ResultsFilterForm,
)
from qingshan.evaluations.models import Campaign
from qingshan.evaluations.selectors import campaigns as selectors
from qingshan.evaluations.selectors import results, visibility
from qingshan.evaluations.selectors.followups import follow_ups
from qingshan.evaluations.services.followups import (
    add_follow_up_record,
    close_follow_up,
    open_follow_up,
)


def _campaign(school: School, pk: int) -> Campaign:
    return get_object_or_404(selectors.campaigns(school), pk=pk)


@login_required
def campaign_results(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "evaluations.manage")
    campaign = _campaign(school, pk)
    if campaign.status < CampaignStatus.CLOSED:
        messages.info(request, _("Results are shown once the campaign is closed."))
        return redirect("evaluations:campaign_detail", pk=pk)
    table = results.ranked_results(campaign=campaign)
    form = ResultsFilterForm(
        request.GET or None, departments=table.departments, subjects=table.subjects
    )
    # A filter that does not fit (an unknown department, say) is said and the whole list shown.
    asked = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = table.filtered(
        order=asked.get("order") or results.ORDER_BY_NAME,
        department=asked.get("department"),
        subject=asked.get("subject") or "",
        below_bar=bool(asked.get("below_bar")),
    )
    context = {
        "campaign": campaign,
        "rows": rows,
        "total": len(table.rows),
        "ranked": asked.get("order") == results.ORDER_BY_SCORE,
        "filter_form": form,
        "school_mean": results.school_mean(campaign=campaign),
        "departments": results.department_results(campaign=campaign),
    }
    return render(request, "evaluations/results.html", context)


@login_required
def results_export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    school = school_for(request, "evaluations.manage")
    campaign = _campaign(school, pk)
    if campaign.status < CampaignStatus.CLOSED:
        raise PermissionDenied
    language = translation.get_language()
    if kind == "pdf":
        return attachment(
            exporters.results_pdf(campaign=campaign, language=language),
            f"results-{campaign.pk}.pdf",
            PDF,
        )
    return attachment(
        exporters.results_xlsx(campaign=campaign, language=language),
        f"results-{campaign.pk}.xlsx",
        XLSX,
    )


@login_required
def target_result(request: HttpRequest, pk: int) -> HttpResponse:
    """One person's results, to the managers and (once published) to the person; every read is logged."""

    school = school_for(request, "evaluations.view_own")
    target = get_object_or_404(selectors.targets_with_results_context(school), pk=pk)
    if not visibility.may_see_results(user=request.user, school=school, target=target):
        raise PermissionDenied
    is_manager = request.user.has_perm("evaluations.manage", school)
    is_target = visibility.is_rated_person(user=request.user, target=target)
    log_read(obj=target, actor=request.user, remote_addr=request.META.get("REMOTE_ADDR"))
    result = results.target_result(target=target)
    questions = [
        question
        for question in selectors.instrument_questions(target.campaign.instrument)
        if visibility.may_see_results(
            user=request.user, school=school, target=target, question=question
        )
    ]
    visible = {question.pk for question in questions}
    scale_questions = {item.question.pk for item in result.scales}
    # Means over terms mix every scale question: only for one who may see them all.
    history = (
        results.score_history(target=target, include_unpublished=is_manager)
        if result.shown and scale_questions <= visible
        else []
    )
    context = {
        "target": target,
        "result": result,
        "visible_questions": visible,
        # The overall mean mixes every scale question: only for one who may see them all.
        "show_overall": scale_questions <= visible,
        "texts": visibility.text_answers(
            target=target, viewer_is_target=is_target, viewer_is_manager=is_manager
        ),
        "history": history,
        "history_chart": _history_chart(target, history, result) if history else None,
        "can_follow_up": may_write(request, "evaluations.manage", school),
        "follow_up_form": FollowUpForm(),
        "follow_ups": selectors.follow_ups_of(target),
    }
    return render(request, "evaluations/target_result.html", context)


def _history_chart(
    target: Any, history: list[results.TermScore], result: results.TargetResult
) -> dict[str, Any]:
    """An ECharts line chart: the target's overall mean term by term against the school's,
    on the instrument's scale, with the bar marked."""
    instrument = target.campaign.instrument
    top = max((scale.question.scale_max for scale in result.scales), default=5)
    rounded = [None if item.mean is None else round(item.mean, 2) for item in history]
    return {
        "animation": False,  # charts are printed; they must be whole at once
        "color": ["#2f7d4f", "#8a8f98"],
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 40, "right": 24, "top": 40, "bottom": 56},
        "xAxis": {
            "type": "category",
            "data": [str(item.campaign.term) for item in history],
            "axisLabel": {"interval": 0, "rotate": 20},
        },
        "yAxis": {"type": "value", "min": 1, "max": top},
        "series": [
            {
                "name": str(target),
                "type": "line",
                "connectNulls": True,
                "data": rounded,
                "markLine": {
                    "symbol": "none",
                    "label": {"formatter": _("the bar")},
                    "data": [{"yAxis": float(instrument.threshold)}],
                },
            },
            {
                "name": _("school average"),
                "type": "line",
                "lineStyle": {"type": "dashed"},
                "connectNulls": True,
                "data": [
                    None if item.school_mean is None else round(item.school_mean, 2)
                    for item in history
                ],
            },
        ],
    }


@login_required
def my_results(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "evaluations.view_own")
    return render(
        request,
        "evaluations/my_results.html",
        {"targets": selectors.published_targets_of_user(school, request.user)},
    )


@login_required
@require_POST
def follow_up_open(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "evaluations.manage", write=True)
    target = get_object_or_404(selectors.targets(school), pk=pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            follow_up = open_follow_up(target=target, owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("evaluations:followup_detail", pk=follow_up.pk)
    else:
        messages.error(request, _("Choose the kind and a deadline."))
    return redirect("evaluations:target_result", pk=pk)


@login_required
def follow_up_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "evaluations.manage")
    rows = follow_ups(school)
    return render(request, "evaluations/followup_list.html", {"follow_ups": rows})


@login_required
def follow_up_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "evaluations.manage")
    follow_up = get_object_or_404(follow_ups(school), pk=pk)
    record_form, close_form = FollowUpRecordForm(), FollowUpCloseForm()
    if request.method == "POST":
        school_for(request, "evaluations.manage", write=True)
        try:
            if request.POST.get("action") == "close":
                close_form = FollowUpCloseForm(request.POST)
                if close_form.is_valid():
                    close_follow_up(follow_up=follow_up, **close_form.cleaned_data)
                    messages.success(request, _("The follow-up was closed."))
                    return redirect("evaluations:followup_detail", pk=pk)
            else:
                record_form = FollowUpRecordForm(request.POST, request.FILES)
                if record_form.is_valid():
                    add_follow_up_record(follow_up=follow_up, **record_form.cleaned_data)
                    messages.success(request, _("Recorded."))
                    return redirect("evaluations:followup_detail", pk=pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    context = {
        "follow_up": follow_up,
        "records": selectors.follow_up_records(follow_up),
        "record_form": record_form,
        "close_form": close_form,
    }
    return render(request, "evaluations/followup_detail.html", context)
