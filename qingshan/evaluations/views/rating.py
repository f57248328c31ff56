"""The rater's pages: a one-time link becomes a session, then each rating is given once.

The key appears in one URL only: it is exchanged for a session on the first visit and the browser
is sent to a clean address; these pages send no referrer and are never cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from qingshan.evaluations.models import RatingDue
from qingshan.evaluations.services import ratings

SESSION_TOKENS = "qs_rater_tokens"


def private_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapped


def _tokens(request: HttpRequest) -> list[Any]:
    """The tokens this browser holds: from exchanged links, and those of the signed-in person.
    For an anonymous rater, their ids only (no query)."""
    ids = request.session.get(SESSION_TOKENS, [])
    if not request.user.is_authenticated:
        return list(ids)
    return [
        *ids,
        *(token.pk for token in ratings.tokens_for_user(request.user) if token.pk not in ids),
    ]


def exchange(request: HttpRequest, key: str) -> HttpResponse:
    """The only address that carries a key: it answers with no referrer and is never cached.
    (The rating pages themselves keep same-origin referrers: without them browsers post
    ``Origin: null`` and the CSRF check refuses the form.)"""
    response = _exchange(request, key)
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response


def _exchange(request: HttpRequest, key: str) -> HttpResponse:
    token = ratings.token_for_key(key)
    if token is None:
        return render(request, "evaluations/rate_unknown.html", status=404)
    ids = request.session.get(SESSION_TOKENS, [])
    if token.pk not in ids:
        request.session[SESSION_TOKENS] = [*ids, token.pk]
    return redirect("evaluations:rate_home")


@private_page
def rate_home(request: HttpRequest) -> HttpResponse:
    tokens = _tokens(request)
    dues = list(
        RatingDue.objects.filter(token_id__in=tokens)
        .select_related("target__campaign__instrument")
        .order_by("done", "target__label")
    )
    return render(request, "evaluations/rate_home.html", {"dues": dues, "tokens": tokens})


@private_page
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    due = get_object_or_404(
        RatingDue.objects.select_related("target__campaign__instrument"),
        pk=pk,
        token_id__in=_tokens(request),
    )
    campaign = due.target.campaign
    if due.done:
        return render(
            request, "evaluations/rate_done.html", {"due": due, "already": True}, status=409
        )
    if not campaign.is_open_now:
        return render(request, "evaluations/rate_closed.html", {"campaign": campaign}, status=410)
    questions = ratings.questions_of(campaign.instrument)
    errors: list[str] = []
    if request.method == "POST":
        try:
            ratings.submit_rating(due=due, raw_answers=request.POST, questions=questions)
        except ratings.AlreadyRated:
            return render(
                request, "evaluations/rate_done.html", {"due": due, "already": True}, status=409
            )
        except ValidationError as error:
            errors = error.messages
        else:
            return redirect("evaluations:rate_thanks", pk=due.pk)
    context = {
        "due": due,
        "campaign": campaign,
        "questions": questions,
        "errors": errors,
        "posted": request.POST,
    }
    return render(request, "evaluations/rate_form.html", context, status=422 if errors else 200)


@private_page
def rate_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    due = (
        RatingDue.objects.filter(pk=pk, token_id__in=_tokens(request), done=True)
        .select_related("target")
        .first()
    )
    if due is None:
        raise Http404
    remaining = RatingDue.objects.filter(token=due.token, done=False).count()
    return render(
        request,
        "evaluations/rate_done.html",
        {"due": due, "already": False, "remaining": remaining},
    )
