"""Scales: the list, a scale's structure, installing a shipped structure, typing the items'
texts, thresholds, and new versions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.actions import act_and_return
from qingshan.core.errors import show_on_form
from qingshan.core.records import school_for
from qingshan.counseling.forms.screening import (
    InstallForm,
    ItemTextsForm,
    NewScaleForm,
    ScaleForm,
    ThresholdForm,
)
from qingshan.counseling.models import Threshold
from qingshan.counseling.selectors.scales import is_used, scales
from qingshan.counseling.services import scales as services

SCREEN = "counseling.screen"


@login_required
def scale_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, SCREEN)
    form = InstallForm(request.POST or None)
    if request.method == "POST":
        school = school_for(request, SCREEN, write=True)
        if form.is_valid():
            try:
                scale = services.install_scale(school=school, code=form.cleaned_data["code"])
            except ValidationError as error:
                show_on_form(form, error)
            else:
                messages.success(request, _("The scale is installed; check its items."))
                return redirect(scale.get_absolute_url())
    rows = scales(school).prefetch_related("campaigns")
    status = 422 if request.method == "POST" else 200
    return render(
        request, "counseling/scale_list.html", {"rows": rows, "form": form}, status=status
    )


@login_required
def scale_create(request: HttpRequest) -> HttpResponse:
    """A scale the school enters itself, as the next version of its code."""
    school = school_for(request, SCREEN, write=True)
    form = NewScaleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            scale = services.create_scale(school=school, shape=form.shape())
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The scale is saved; set its thresholds."))
            return redirect(scale.get_absolute_url())
    status = 422 if request.method == "POST" else 200
    return render(request, "counseling/scale_new.html", {"form": form}, status=status)


@login_required
def scale_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN)
    scale = get_object_or_404(scales(school), pk=pk)
    used = is_used(scale)
    threshold_form = ThresholdForm(request.POST or None, scale=scale)
    if request.method == "POST" and not used:
        school_for(request, SCREEN, write=True)
        if threshold_form.is_valid():
            data = threshold_form.cleaned_data
            factor = scale.factors.filter(pk=data["factor"]).first() if data["factor"] else None
            try:
                services.set_threshold(
                    scale=scale, factor=factor, grade=data["grade"], at_least=data["at_least"]
                )
            except ValidationError as error:
                show_on_form(threshold_form, error)
            else:
                messages.success(request, _("The threshold is saved."))
                return redirect(scale.get_absolute_url())
    context = {
        "scale": scale,
        "used": used,
        "factors": list(scale.factors.all()),
        "items": list(scale.items.select_related("factor").order_by("number")),
        "thresholds": list(scale.thresholds.select_related("factor")),
        "threshold_form": None if used else threshold_form,
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "counseling/scale_detail.html", context, status=status)


@login_required
def scale_edit(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN, write=True)
    scale = get_object_or_404(scales(school), pk=pk)
    form = ScaleForm(request.POST or None, instance=scale, school=school)
    texts = ItemTextsForm(request.POST or None, scale=scale, prefix="t")
    if request.method == "POST" and form.is_valid() and texts.is_valid():
        try:
            services.update_scale(scale=scale, values=form.values())
            services.set_item_texts(scale=scale, texts=texts.texts())
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The scale is saved."))
            return redirect(scale.get_absolute_url())
    status = 422 if request.method == "POST" else 200
    context = {"scale": scale, "form": form, "texts": texts}
    return render(request, "counseling/scale_form.html", context, status=status)


@login_required
@require_POST
def scale_version(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN, write=True)
    scale = get_object_or_404(scales(school), pk=pk)
    try:
        copy = services.new_version(scale=scale)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(scale.get_absolute_url())
    messages.success(request, _("Version %(version)s is made.") % {"version": copy.version})
    return redirect(copy.get_absolute_url())


@login_required
@require_POST
def threshold_remove(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, SCREEN, write=True)
    threshold = get_object_or_404(
        Threshold.objects.for_school(school).select_related("scale"), pk=pk
    )
    return act_and_return(
        request,
        threshold,
        lambda record: services.remove_threshold(threshold=record),
        done=_("The threshold is removed."),
        back_to=threshold.scale.get_absolute_url(),
    )
