"""Error pages Django would otherwise answer in English whatever the page's language.

A refused address (403), a bad request (a broken form upload, an unknown host), a failed
CSRF check (a form left open until its token expired, cookies blocked) and a method a public
address does not take (``OPTIONS`` on a GET-only view) are answered in the visitor's
language, right to left in Arabic (a refused admin address in the admin's look and the
user's admin language); under ``/api/`` in the API's JSON error shape.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
ADMIN_PREFIX = "/admin/"


def _api_error(detail, code, status):
    return JsonResponse({"detail": detail, "code": code, "errors": {}}, status=status)


def bad_request(request, exception=None):
    """``handler400``. Self-contained: the request's own host may be what was wrong."""
    if request.path.startswith(API_PREFIX):
        return _api_error(_("The request could not be understood."), "bad_request", 400)
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    """``handler403``: Django's is «403 Forbidden» in English, unstyled. Under ``/admin/``
    (a view refused before Wagtail's own checks, such as wagtail-localize's behind
    ``campaigns.tracker.localize_guard``) the admin's look, in the user's admin language;
    elsewhere the site's page in the visitor's language."""
    if request.path.startswith(API_PREFIX):
        return _api_error(_("You may not do this."), "permission_denied", 403)
    if not request.path.startswith(ADMIN_PREFIX):
        return render(request, "errors/403.html", status=403)
    language = None
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
    if profile is not None:
        language = profile.get_preferred_language()
    with translation.override(language or translation.get_language()):
        return render(request, "errors/admin_403.html", status=403)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: what to do next, not why the check failed (API views are exempt)."""
    return render(request, "errors/403_csrf.html", status=403)


class MethodNotAllowedMiddleware:
    """Give an empty ``405`` (Django's GET-only views answer one to, say, ``OPTIONS``) a body
    in the visitor's language, keeping its ``Allow`` header. Sits after the locale
    middleware, so the page's language is active."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code != 405
            or request.method == "HEAD"
            or response.streaming
            or response.content
            or request.path.startswith(API_PREFIX)  # the APIs answer their own JSON errors
        ):
            return response
        answer = render(request, "errors/405.html", status=405)
        if response.has_header("Allow"):
            answer["Allow"] = response["Allow"]
        return answer
