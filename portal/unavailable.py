"""A lost database connection is a ``503`` to retry, not a ``500``.

When PostgreSQL restarts, fails over or cuts a connection (``pg_terminate_backend``), the
requests using that connection fail with ``OperationalError`` or ``InterfaceError``; Django's
health check opens a new connection for the next request, so the failure lasts one request.
The visitor, the edge cache and API clients are told so: ``503`` with ``Retry-After: 1``
(JSON in the API's error shape under ``/api/``), never the "server error" page. Nothing is
half-written: the request's transaction did not complete, and a write sent again with its
``Idempotency-Key`` is answered once (docs/reliability.md).
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


class DatabaseUnavailableMiddleware:
    """``process_exception``: a database connection error becomes a ``503``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        detail = _("The service is briefly unavailable; retry in a moment.")
        if request.path.startswith(API_PREFIX):
            body = {"detail": detail, "code": "unavailable", "errors": {}}
            response = JsonResponse(body, status=503)
        else:
            response = HttpResponse(detail, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "1"
        response["Cache-Control"] = "no-store"
        return response
