"""The unit supervisor's pages: a one-time link confirms one week, with no account.

As the raters' pages (``evaluations.views.rating``): the link holds its key after ``#``, which
browsers never send; the page posts it to ``exchange``, which keeps the weeks in a signed cookie
on the supervisor's phone; no address carries a key, every page is sent with ``no-store`` and
no referrer leaves the site. A link reaches its own week only.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from qingshan.core.views import private_page
from qingshan.internships.forms.timesheets import ConfirmForm
from qingshan.internships.models import Week
from qingshan.internships.services import timesheets

COOKIE = "qs_supervisor"
COOKIE_SALT = "qingshan.internships.supervisor"
COOKIE_AGE = timesheets.LINK_DAYS * 24 * 60 * 60
MAX_WEEKS = 20


def _held(request: HttpRequest) -> list[tuple[int, str]]:
    """The (week, key hash) pairs this browser's signed cookie holds."""
    try:
        pairs = signing.loads(request.COOKIES.get(COOKIE, ""), salt=COOKIE_SALT, max_age=COOKIE_AGE)
    except signing.BadSignature:
        return []
    if not isinstance(pairs, list):
        return []
    return [
        (pair[0], pair[1])
        for pair in pairs
        if isinstance(pair, list)
        and len(pair) == 2
        and isinstance(pair[0], int)
        and isinstance(pair[1], str)
    ][:MAX_WEEKS]


def _weeks(held: list[tuple[int, str]]) -> list[Week]:
    """The weeks held whose link is still theirs (a newer link replaces an older one)."""
    hashes = dict(held)
    weeks = Week.objects.select_related("placement__student", "placement__unit", "school").filter(
        pk__in=hashes
    )
    return [week for week in weeks.prefetch_related("days") if week.key_hash == hashes[week.pk]]


@private_page
def confirm_home(request: HttpRequest) -> HttpResponse:
    weeks = _weeks(_held(request))
    rows = [
        (week, ConfirmForm(prefix=f"w{week.pk}"), timesheets.link_refusal(week)) for week in weeks
    ]
    return render(request, "internships/confirm_home.html", {"rows": rows})


@private_page
@require_POST
def exchange(request: HttpRequest) -> HttpResponse:
    week = timesheets.week_for_key(request.POST.get("key", "").strip())
    if week is None:
        return render(
            request,
            "internships/confirm_closed.html",
            {"refusal": timesheets.link_refusal(None)},
            status=404,
        )
    held = [pair for pair in _held(request) if pair[0] != week.pk]
    response = redirect("internships:confirm_home")
    response.set_cookie(
        COOKIE,
        signing.dumps([*held, (week.pk, week.key_hash)][-MAX_WEEKS:], salt=COOKIE_SALT),
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


@private_page
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    held = dict(_held(request))
    try:
        week_id = int(request.POST.get("week", ""))
    except ValueError:
        week_id = 0
    if week_id not in held:
        return render(
            request,
            "internships/confirm_closed.html",
            {"refusal": timesheets.link_refusal(None)},
            status=404,
        )
    week = next(iter(_weeks([(week_id, held[week_id])])), None)
    refusal = timesheets.link_refusal(week)
    if week is None or refusal is not None:
        status = 404 if week is None else (409 if week.is_confirmed else 410)
        return render(
            request, "internships/confirm_closed.html", {"refusal": refusal}, status=status
        )
    form = ConfirmForm(request.POST, prefix=f"w{week.pk}")
    if form.is_valid():
        try:
            timesheets.confirm_week(
                week_id=week.pk,
                key_hash=held[week_id],
                confirmed_by=form.cleaned_data["confirmed_by"],
                ratings=form.ratings(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "internships/confirm_thanks.html", {"week": week})
    return render(
        request, "internships/confirm_home.html", {"rows": [(week, form, None)]}, status=422
    )
