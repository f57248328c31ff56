"""A student's screenings on a phone: signed in ("My screenings"), or through a one-time link.

The link holds its key after ``#``, which browsers never send; the page posts it to
``answer_exchange``, which keeps the sheet in a signed cookie on the phone (one sheet at a time:
a phone passed round a class holds the last student's). No address carries a key, every page is
sent ``no-store`` and no referrer leaves the site. Nothing of the result is shown to the student:
a counselor reads it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.errors import show_on_form
from qingshan.core.records import school_for
from qingshan.core.views import private_page
from qingshan.counseling.forms.screening import AnswerForm
from qingshan.counseling.models import Campaign, Sheet
from qingshan.counseling.selectors import screening as selectors
from qingshan.counseling.services import screening
from qingshan.organization.selectors import student_of_user

COOKIE = "qs_screening"
COOKIE_SALT = "qingshan.counseling.sheet"
COOKIE_AGE = 6 * 60 * 60


@login_required
def my_screenings(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "counseling.answer")
    student = student_of_user(school=school, user=request.user)
    campaigns = selectors.open_campaigns_for(student) if student else []
    return render(request, "counseling/my.html", {"student": student, "campaigns": campaigns})


def _hand_in(request: HttpRequest, campaign: Campaign, student: object, form: AnswerForm) -> bool:
    try:
        screening.hand_in(
            campaign=campaign,
            student=student,  # type: ignore[arg-type]
            answers=form.answers(),
            consented=form.cleaned_data["consent"],
        )
    except ValidationError as error:
        show_on_form(form, error)
        return False
    return True


@private_page
@login_required
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "counseling.answer")
    student = student_of_user(school=school, user=request.user)
    if student is None:
        raise PermissionDenied
    campaign = get_object_or_404(selectors.campaigns(school), pk=pk)
    if campaign not in selectors.open_campaigns_for(student):
        messages.info(request, _("This screening is not waiting for your answers."))
        return redirect("counseling:my")
    form = AnswerForm(request.POST or None, scale=campaign.scale)
    if request.method == "POST" and form.is_valid() and _hand_in(request, campaign, student, form):
        return render(request, "counseling/answer_thanks.html", {"campaign": campaign})
    status = 422 if request.method == "POST" else 200
    context = {"campaign": campaign, "form": form, "action": request.path}
    return render(request, "counseling/answer.html", context, status=status)


def _held_sheet(request: HttpRequest) -> Sheet | None:
    try:
        held = signing.loads(request.COOKIES.get(COOKIE, ""), salt=COOKIE_SALT, max_age=COOKIE_AGE)
    except signing.BadSignature:
        return None
    if not (isinstance(held, list) and len(held) == 2 and isinstance(held[0], int)):
        return None
    sheet = (
        Sheet.objects.select_related("campaign__scale", "student")
        .filter(pk=held[0], key_hash=held[1])
        .exclude(valid=True)  # a valid sheet is answered; an invalid one is answered again
        .first()
    )
    return sheet


@private_page
def answer_home(request: HttpRequest) -> HttpResponse:
    sheet = _held_sheet(request)
    form = AnswerForm(request.POST or None, scale=sheet.campaign.scale) if sheet else None
    if request.method == "POST":
        if sheet is None or form is None:
            return render(request, "counseling/answer_closed.html", status=404)
        if form.is_valid() and _hand_in(request, sheet.campaign, sheet.student, form):
            response = render(
                request, "counseling/answer_thanks.html", {"campaign": sheet.campaign}
            )
            response.delete_cookie(COOKIE)
            return response
    context = {
        "campaign": sheet.campaign if sheet else None,
        "form": form,
        "action": request.path,
        "by_link": True,
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "counseling/answer.html", context, status=status)


@private_page
@require_POST
def answer_exchange(request: HttpRequest) -> HttpResponse:
    sheet = screening.sheet_for_key(request.POST.get("key", "").strip())
    if sheet is None or sheet.valid:
        return render(request, "counseling/answer_closed.html", status=404)
    response = redirect("counseling:answer_home")
    response.set_cookie(
        COOKIE,
        signing.dumps([sheet.pk, sheet.key_hash], salt=COOKIE_SALT),
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response
