"""Small helpers shared by the work system's views."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone

from qingshan.core.models import School
from qingshan.organization.selectors import working_day


def show_errors(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def month_param(request: HttpRequest, school: School) -> datetime.date:
    """``?month=YYYY-MM``, or the month of the school's working day (inside its current term)
    when missing or malformed."""
    try:
        return datetime.datetime.strptime(request.GET.get("month", ""), "%Y-%m").date()
    except ValueError:
        return working_day(school=school, day=timezone.localdate()).replace(day=1)
