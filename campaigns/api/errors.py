"""One error shape for the whole tracker API, whatever went wrong.

``{"detail": "…", "code": "…", "errors": {"field": ["message", …]}}`` — ``errors`` names
each bad field (``non_field_errors`` for the body as a whole). Service errors map to the same
shape: ``TrackerValidationError`` → ``400``, ``TrackerPermissionDenied`` → ``403``; a lost
database connection → ``503`` with ``Retry-After`` (the write was rolled back: send it again).
"""

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from campaigns.tracker.services import TrackerPermissionDenied, TrackerValidationError
from portal.localization.digits import western_digits


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


class ServiceUnavailable(exceptions.APIException):
    """The database connection was lost mid-request: nothing was written; retry."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("The service is briefly unavailable; retry in a moment.")
    default_code = "unavailable"
    wait = 1


class IdempotencyKeyReused(exceptions.APIException):
    """draft-ietf-httpapi-idempotency-key-header: a key reused with another payload is 422."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _(
        "This Idempotency-Key was already used with a different request; use a new key."
    )
    default_code = "idempotency_key_reused"


class IdempotencyInProgress(exceptions.APIException):
    """The same draft: a retry while the first request is still being processed is 409."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _(
        "A request with this Idempotency-Key is still being processed; retry in a moment."
    )
    default_code = "idempotency_in_progress"


def positive_whole_number(name, value):
    """``value`` (query text) as an int from 1, or a ``400`` naming the parameter ``name``.

    Arabic-Indic and Persian digits are read as 0-9, as in every other filter
    (``portal.localization.digits``); other Unicode digits (``²``) are refused.
    """
    text = western_digits(str(value).strip())
    if text.isascii() and text.isdigit() and int(text) >= 1:
        return int(text)
    raise exceptions.ValidationError({name: [_("Send a whole number from 1.")]})


def _flatten(detail):
    """DRF error details (nested lists/dicts) as ``{field: [message, ...]}`` of plain text."""
    if isinstance(detail, dict):
        out = {}
        for field, value in detail.items():
            messages = value if isinstance(value, list) else [value]
            out[str(field)] = [
                " ".join(_flatten(m).get("non_field_errors", []))
                if isinstance(m, dict | list)
                else str(m)
                for m in messages
            ]
        return out
    if isinstance(detail, list):
        return {"non_field_errors": [str(m) for m in detail]}
    return {"non_field_errors": [str(detail)]}


def body(detail, code, errors=None):
    return {"detail": str(detail), "code": code, "errors": errors or {}}


def exception_handler(exc, context):
    """DRF's handler, then every error rewritten to the one shape above (never a 500 for input)."""
    if isinstance(exc, TrackerValidationError):
        return Response(
            body(_("Some fields are not valid."), "invalid", exc.as_json()),
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, TrackerPermissionDenied):
        return Response(
            body(exc.message, "permission_denied", exc.as_json()),
            status=status.HTTP_403_FORBIDDEN,
        )
    if isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()
    if isinstance(exc, OperationalError | InterfaceError):
        # A cut or restarted database: the request's transaction did not complete, and sent
        # again with its Idempotency-Key it is answered once. A 503: retry, nothing is broken.
        exc = ServiceUnavailable()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = body(_("Some fields are not valid."), "invalid", _flatten(exc.detail))
        return response
    if isinstance(exc, exceptions.ParseError):
        # The body as a whole is bad: say so in the client's language, and keep the parser's
        # own words (where it stopped) for the developer.
        errors = {"non_field_errors": [str(exc.detail)]}
        response.data = body(_("The request body is not valid JSON."), "parse_error", errors)
        return response
    message = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    code = getattr(message, "code", None) or "error"
    response.data = body(message or _("The request failed."), code)
    return response
