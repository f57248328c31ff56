"""The graduate's follow-up, opened from a one-time link on a phone: no account, once, before the
link expires. The page never shows what the school already knows about the graduate beyond
their name, so a forwarded link tells a stranger nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from qingshan.careers.forms.destinations import GraduateAnswerForm
from qingshan.careers.services import followups
from qingshan.core.errors import show_on_form
from qingshan.core.views import private_page


@private_page
def answer(request: HttpRequest, key: str) -> HttpResponse:
    follow_up = followups.follow_up_for_key(key)
    refusal = followups.link_refusal(follow_up)
    if refusal is not None or follow_up is None:
        status = 404 if follow_up is None else 410
        return render(request, "careers/answer_closed.html", {"refusal": refusal}, status=status)
    form = GraduateAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            followups.answer_by_link(
                key=key, values=form.answer(), consents=form.cleaned_data["consents"]
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            return render(request, "careers/answer_thanks.html", {"follow_up": follow_up})
    context = {"follow_up": follow_up, "form": form, "school": follow_up.school}
    status = 422 if request.method == "POST" else 200
    return render(request, "careers/answer.html", context, status=status)
