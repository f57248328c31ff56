"""The domain error every service raises for a refused write; its message is translated."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A business rule refused the operation; nothing was changed.

    It is a ``ValidationError`` so that forms and the API show it like any other input error.
    """


def show_on_form(form: Any, error: ValidationError) -> None:
    """Put a service's ValidationError on the matching fields of a form, the rest above it."""
    if hasattr(error, "error_dict"):
        for name, messages in error.error_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error)


def field_error(name: str, message: Any, *, code: str, domain: bool = False) -> ValidationError:
    """An error on one field that keeps its code (a dict given to ValidationError drops it)."""
    error_class = DomainError if domain else ValidationError
    return error_class({name: ValidationError(message, code=code)})
