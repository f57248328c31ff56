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

from qingshan.evaluations.forms import rating_form_for
from qingshan.evaluations.selectors import rating as selectors
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
        *(token.pk for token in selectors.tokens_for_user(request.user) if token.pk not in ids),
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
    token = selectors.token_for_key(key)
    if token is None:
        return render(request, "evaluations/rate_unknown.html", status=404)
    ids = request.session.get(SESSION_TOKENS, [])
    if token.pk not in ids:
        request.session[SESSION_TOKENS] = [*ids, token.pk]
    return redirect("evaluations:rate_home")


@private_page
def rate_home(request: HttpRequest) -> HttpResponse:
    tokens = _tokens(request)
    dues = selectors.dues_to_list(tokens)
    return render(request, "evaluations/rate_home.html", {"dues": dues, "tokens": tokens})


@private_page
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    due = get_object_or_404(selectors.dues_of_tokens(_tokens(request)), pk=pk)
    campaign = due.target.campaign
    if due.done:
        return render(
            request, "evaluations/rate_done.html", {"due": due, "already": True}, status=409
        )
    if not campaign.is_open_now:
        return render(request, "evaluations/rate_closed.html", {"campaign": campaign}, status=410)
    form = rating_form_for(campaign.instrument)(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        answers = form.answers()
        try:
            ratings.submit_rating(
                due=due, scores=answers.scores, choices=answers.choices, texts=answers.texts
            )
        except ratings.AlreadyRated:
            return render(
                request, "evaluations/rate_done.html", {"due": due, "already": True}, status=409
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("evaluations:rate_thanks", pk=due.pk)
    context = {"due": due, "campaign": campaign, "form": form}
    status = 422 if request.method == "POST" else 200
    return render(request, "evaluations/rate_form.html", context, status=status)


@private_page
def rate_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    due = selectors.given_due(_tokens(request), pk)
    if due is None:
        raise Http404
    remaining = selectors.owed_count(due)
    return render(
        request,
        "evaluations/rate_done.html",
        {"due": due, "already": False, "remaining": remaining},
    )
