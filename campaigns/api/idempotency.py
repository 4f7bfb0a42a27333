"""``Idempotency-Key`` on POST: a retried request gets the first answer and creates nothing.

The first successful answer (2xx) is stored with a fingerprint of the request; a retry with
the same key and the same request replays it (header ``Idempotency-Replayed: true``); the
same key with another request is refused with ``409``. Failed requests are not stored, so a
corrected request may reuse the key. Keys are scoped to the partner API key that sent them.
"""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .errors import IdempotencyConflict
from .models import IdempotencyRecord, PartnerApiKey

HEADER = "Idempotency-Key"


def _cutoff():
    return timezone.now() - timedelta(hours=settings.TRACKER_API_IDEMPOTENCY_HOURS)


def _fingerprint(request):
    payload = json.dumps(request.data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(f"{request.method} {request.path}\n{payload}".encode()).hexdigest()


def _replay(record):
    headers = {"Idempotency-Replayed": "true"}
    if record.location:
        headers["Location"] = record.location
    return Response(record.body, status=record.status_code, headers=headers)


def _header_value(request):
    value = request.headers.get(HEADER)
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > 255 or not value.isprintable():
        raise ValidationError({HEADER: [_("Send 1 to 255 printable characters.")]})
    return value


def idempotent(request, handler):
    """Run ``handler()`` (which writes and returns a Response) at most once per key."""
    value = _header_value(request)
    api_key = request.auth
    if value is None or not isinstance(api_key, PartnerApiKey):
        return handler()
    fingerprint = _fingerprint(request)

    def stored():
        return IdempotencyRecord.objects.filter(
            api_key=api_key, key=value, created_at__gte=_cutoff()
        ).first()

    try:
        with transaction.atomic():
            record = stored()
            if record is not None:
                if record.request_hash != fingerprint:
                    raise IdempotencyConflict()
                return _replay(record)
            response = handler()
            if 200 <= response.status_code < 300:
                IdempotencyRecord.objects.filter(created_at__lt=_cutoff()).delete()
                # Inside the same transaction: if a concurrent retry stored its answer first,
                # this insert fails and everything this request wrote is rolled back.
                IdempotencyRecord.objects.create(
                    api_key=api_key,
                    key=value,
                    request_hash=fingerprint,
                    status_code=response.status_code,
                    body=json.loads(json.dumps(response.data, default=str)),
                    location=response.get("Location", ""),
                )
            return response
    except IntegrityError:
        record = stored()
        if record is None:
            raise
        if record.request_hash != fingerprint:
            raise IdempotencyConflict() from None
        return _replay(record)
