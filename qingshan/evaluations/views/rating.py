"""The rater's pages: a one-time key opens the rater's ratings, each given once.

What these pages leave behind names no rater (docs/anonymity.md):
- no address carries a key, a token or a rating due: a slip's link holds its key after ``#``,
  which browsers never send, and the page posts it to ``/r/exchange/``; a rating is chosen and
  given by posting to ``/r/rate/`` and ``/r/submit/``. Access logs hold only those paths;
- the tokens a browser holds live in a signed cookie on the rater's phone, not in a server-side
  session, so the database keeps no trace of which browser rated when;
- every page is sent with ``no-store``, and no referrer leaves the site.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from qingshan.core.views import private_page
from qingshan.evaluations.forms import rating_form_for
from qingshan.evaluations.models import RatingDue
from qingshan.evaluations.selectors import rating as selectors
from qingshan.evaluations.services import ratings

RATER_COOKIE = "qs_rater"
RATER_COOKIE_SALT = "qingshan.evaluations.rater"
RATER_COOKIE_AGE = 14 * 24 * 60 * 60  # a campaign's usual length; the campaign's end bounds it
MAX_TOKENS = 40  # a phone shared in a family holds a few; more is not a rater


def _held(request: HttpRequest) -> list[int]:
    """The token ids this browser's signed cookie holds (none if it is missing or altered)."""
    try:
        ids = signing.loads(
            request.COOKIES.get(RATER_COOKIE, ""), salt=RATER_COOKIE_SALT, max_age=RATER_COOKIE_AGE
        )
    except signing.BadSignature:
        return []
    return (
        [item for item in ids if isinstance(item, int)][:MAX_TOKENS]
        if isinstance(ids, list)
        else []
    )


def _tokens(request: HttpRequest) -> list[int]:
    """The tokens of this browser: from exchanged keys, and those of the signed-in person."""
    held = _held(request)
    if not request.user.is_authenticated:
        return held
    mine = [token.pk for token in selectors.tokens_for_user(request.user) if token.pk not in held]
    return [*held, *mine]


def _remember(response: HttpResponse, ids: list[int]) -> HttpResponse:
    response.set_cookie(
        RATER_COOKIE,
        signing.dumps(ids[-MAX_TOKENS:], salt=RATER_COOKIE_SALT),
        max_age=RATER_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _due(request: HttpRequest) -> RatingDue | None:
    """The rating due the form names, if it is one of this browser's."""
    try:
        pk = int(request.POST.get("due", ""))
    except ValueError:
        return None
    return selectors.due_to_rate(_tokens(request), pk)


@private_page
def rate_home(request: HttpRequest) -> HttpResponse:
    """The ratings this browser may give; a slip's key, read from the address's ``#``, is
    posted from here (a key can also be typed)."""
    tokens = _tokens(request)
    dues = selectors.dues_to_list(tokens)
    lessons = selectors.lessons_of(dues)
    rows = [(due, lessons.get(due.pk, "")) for due in dues]
    return render(request, "evaluations/rate_home.html", {"rows": rows, "tokens": tokens})


@private_page
@require_POST
def exchange(request: HttpRequest) -> HttpResponse:
    """A one-time key becomes a token held in this browser's signed cookie."""
    token = selectors.token_for_key(request.POST.get("key", "").strip())
    if token is None:
        return render(request, "evaluations/rate_unknown.html", status=404)
    held = _held(request)
    response = redirect("evaluations:rate_home")
    return _remember(response, held if token.pk in held else [*held, token.pk])


@private_page
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """The rating form of one due (chosen on the home page)."""
    due = _due(request)
    if due is None:
        return render(request, "evaluations/rate_unknown.html", status=404)
    return _form_page(request, due, rating_form_for(due.target.campaign.instrument)(None))


@private_page
@require_POST
def submit(request: HttpRequest) -> HttpResponse:
    """Give the rating: once, all or nothing."""
    due = _due(request)
    if due is None:
        return render(request, "evaluations/rate_unknown.html", status=404)
    form = rating_form_for(due.target.campaign.instrument)(request.POST)
    if form.is_valid():
        answers = form.answers()
        try:
            ratings.submit_rating(
                due=due, scores=answers.scores, choices=answers.choices, texts=answers.texts
            )
        except ratings.AlreadyRated:
            return _already_given(request, due)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("evaluations:rate_thanks")
    return _form_page(request, due, form, status=422)


def _already_given(request: HttpRequest, due: RatingDue) -> HttpResponse:
    return render(request, "evaluations/rate_done.html", {"due": due, "already": True}, status=409)


def _form_page(request: HttpRequest, due: RatingDue, form: Any, status: int = 200) -> HttpResponse:
    campaign = due.target.campaign
    if due.done:
        return _already_given(request, due)
    if not campaign.is_open_now:
        return render(request, "evaluations/rate_closed.html", {"campaign": campaign}, status=410)
    lesson = selectors.lessons_of([due]).get(due.pk, "")
    context = {"due": due, "campaign": campaign, "form": form, "lesson": lesson}
    return render(request, "evaluations/rate_form.html", context, status=status)


@private_page
def rate_thanks(request: HttpRequest) -> HttpResponse:
    """Thanks, and what this browser still has to rate."""
    remaining = selectors.dues_to_list(_tokens(request))
    return render(
        request,
        "evaluations/rate_done.html",
        {"already": False, "remaining": sum(1 for due in remaining if not due.done)},
    )
