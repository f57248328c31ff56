"""Small helpers of the page tests: the messages a response left, the Chinese request header."""

from __future__ import annotations

from typing import Any

from django.contrib.messages import get_messages

CHINESE = {"Accept-Language": "zh-hans"}


def messages_of(response: Any) -> list[str]:
    """The texts of the messages added while answering the request."""
    return [str(message) for message in get_messages(response.wsgi_request)]
