"""Error pages Django would otherwise answer in English whatever the page's language.

A bad request (a broken form upload, an unknown host) and a failed CSRF check (a form left
open until its token expired, cookies blocked) are answered in the visitor's language, right
to left in Arabic; under ``/api/`` in the API's JSON error shape.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def _api_error(detail, code, status):
    return JsonResponse({"detail": detail, "code": code, "errors": {}}, status=status)


def bad_request(request, exception=None):
    """``handler400``. Self-contained: the request's own host may be what was wrong."""
    if request.path.startswith(API_PREFIX):
        return _api_error(_("The request could not be understood."), "bad_request", 400)
    return render(request, "errors/400.html", status=400)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: what to do next, not why the check failed (API views are exempt)."""
    return render(request, "errors/403_csrf.html", status=403)
