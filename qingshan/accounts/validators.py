from __future__ import annotations

import string
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class CharacterClassValidator:
    """等保 (MLPS) composition: at least ``min_classes`` of lowercase, uppercase, digits, symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        classes = [
            any(ch in string.ascii_lowercase for ch in password),
            any(ch in string.ascii_uppercase for ch in password),
            any(ch in string.digits for ch in password),
            any(not ch.isalnum() for ch in password),
        ]
        if sum(classes) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        return (
            ngettext(
                "Your password must mix at least %(count)d kind of character: lowercase, uppercase, digits, symbols.",
                "Your password must mix at least %(count)d kinds of characters: lowercase, uppercase, digits, symbols.",
                self.min_classes,
            )
            % {"count": self.min_classes}
            if self.min_classes
            else _("Any characters are allowed.")
        )
