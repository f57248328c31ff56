"""The API's sign-in: a bearer token, exchanged for the user and the schools they reach."""

from typing import Any, cast

from django.http import HttpRequest
from ninja.security import HttpBearer

from qingshan.accounts.selectors import school_access
from qingshan.accounts.services import authenticate_api_token
from qingshan.core.access import SchoolRequest


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = authenticate_api_token(token)
        if user is not None:
            request.user = user
            cast(SchoolRequest, request).school_access = school_access(user)
        return user
