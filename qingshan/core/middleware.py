"""Request middleware of the ground floor."""

from __future__ import annotations

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.http import HttpRequest, HttpResponse


class AuditContextMiddleware(AuditlogMiddleware):
    """auditlog's request context (who changed a record, from which address) for every page but
    those under ``settings.QS_UNAUDITED_PATH_PREFIXES``.

    The rater's pages are such pages: they change no audited record, and nothing they write may
    carry the rater's address (docs/anonymity.md). Setting the context up (a signal receiver
    connected and disconnected per request) was the dearest step of an anonymous rater's request
    through the middleware.
    """

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(tuple(settings.QS_UNAUDITED_PATH_PREFIXES)):
            return self.get_response(request)
        return super().__call__(request)
