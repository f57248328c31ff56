"""The small POST action every decision page has (approve, refuse, assign …): run a service on a
record, say what happened, and go back to the record's page. A refusal of the service is shown as
a message and changes nothing (the service's transaction saw to that)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

RecordT = TypeVar("RecordT")


def act_and_return(
    request: HttpRequest,
    record: RecordT,
    act: Callable[[RecordT], Any],
    *,
    done: str,
    back_to: str,
) -> HttpResponse:
    """Run ``act(record)``; on success say ``done``, on a ValidationError say its messages; then
    redirect to ``back_to``."""
    try:
        act(record)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(back_to)
