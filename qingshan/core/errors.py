"""The domain error every service raises for a refused write; its message is translated."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A business rule refused the operation; nothing was changed.

    It is a ``ValidationError`` so that forms and the API show it like any other input error.
    """
