"""Pages of the observation rubric: its versions, a draft's items, publishing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qingshan.core.records import may_write, school_for
from qingshan.teaching.selectors.rubrics import items_of, max_points_of, rubrics
from qingshan.teaching.services import rubrics as services


class ItemForm(forms.Form):
    group = forms.CharField(label=gettext_lazy("group"), max_length=40)
    text = forms.CharField(label=gettext_lazy("what is scored"), max_length=200)
    max_points = forms.IntegerField(
        label=gettext_lazy("maximum points"), min_value=1, max_value=100
    )


class NameForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("name"), max_length=80)
    note = forms.CharField(label=gettext_lazy("what changed"), max_length=200, required=False)


@login_required
def rubric_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.view")
    context = {
        "rubrics": rubrics(school).prefetch_related("items"),
        "may_manage": may_write(request, "teaching.manage", school),
    }
    return render(request, "teaching/rubric_list.html", context)


@login_required
def rubric_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.view")
    rubric = get_object_or_404(rubrics(school), pk=pk)
    items = items_of(rubric)
    grouped: dict[str, list[object]] = {}
    for item in items:
        grouped.setdefault(item.group, []).append(item)
    editable = not rubric.is_published and may_write(request, "teaching.manage", school)
    context = {
        "rubric": rubric,
        "grouped": grouped,
        "max_points": max_points_of(items),
        "editable": editable,
        "item_form": ItemForm() if editable else None,
        "name_form": NameForm(initial={"name": rubric.name, "note": rubric.note})
        if editable
        else None,
    }
    return render(request, "teaching/rubric_detail.html", context)


def _refused(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def rubric_new(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    try:
        rubric = services.start_version(school=school)
    except ValidationError as error:
        _refused(request, error)
        return redirect("teaching:rubric_list")
    messages.success(
        request, _("Version %(version)s is started as a draft.") % {"version": rubric.version}
    )
    return redirect(rubric)


@login_required
@require_POST
def rubric_rename(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    rubric = get_object_or_404(rubrics(school), pk=pk)
    form = NameForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the rubric a name."))
        return redirect(rubric)
    try:
        services.rename_version(rubric=rubric, **form.cleaned_data)
    except ValidationError as error:
        _refused(request, error)
    return redirect(rubric)


@login_required
@require_POST
def rubric_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    rubric = get_object_or_404(rubrics(school), pk=pk)
    form = ItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the item's group, what is scored and 1 to 100 points."))
        return redirect(rubric)
    try:
        services.add_item(rubric=rubric, **form.cleaned_data)
    except ValidationError as error:
        _refused(request, error)
    return redirect(rubric)


@login_required
@require_POST
def rubric_item_remove(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    rubric = get_object_or_404(rubrics(school), pk=pk)
    try:
        services.remove_item(item=get_object_or_404(rubric.items.all(), pk=item))
    except ValidationError as error:
        _refused(request, error)
    return redirect(rubric)


@login_required
@require_POST
def rubric_publish(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    rubric = get_object_or_404(rubrics(school), pk=pk)
    try:
        services.publish_version(rubric=rubric, on=timezone.localdate())
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Published: new observations are scored on this version."))
    return redirect(rubric)
