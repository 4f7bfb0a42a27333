"""``Idempotency-Key`` on POST, as draft-ietf-httpapi-idempotency-key-header describes it.

- The first successful answer (2xx) is stored with a fingerprint of the request (method, path,
  body), in the same transaction as the write itself: both are kept, or neither.
- A retry with the same key and the same request gets that answer again (header
  ``Idempotency-Replayed: true``) and creates nothing, but announces the write again (the
  view's ``replayed``): a client retries when it got no answer, which is also when the first
  request may have committed without announcing (its process killed, or its connection cut
  while committing, after the commit and before the work sent on commit).
- The same key with another request is refused with ``422`` (``idempotency_key_reused``).
- A retry that arrives while the first request is still being processed is refused with
  ``409`` (``idempotency_in_progress``, ``Retry-After: 1``); retrying later gets the answer.
- Failed requests (4xx, 5xx, a lost connection) are not stored, so the key may be used again.

Keys are scoped to the partner API key that sent them. "Being processed" is known in two
ways: within a process, from a set of the keys in flight; across processes and servers, from
a PostgreSQL advisory lock held by the request's transaction, which the database releases by
itself if the process dies or its connection is cut (never a key stuck "in progress").
"""

import hashlib
import json
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .errors import IdempotencyInProgress, IdempotencyKeyReused
from .models import IdempotencyRecord, PartnerApiKey

HEADER = "Idempotency-Key"

_in_flight = set()
_in_flight_lock = threading.Lock()


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


def _in_progress():
    error = IdempotencyInProgress()
    error.wait = 1  # DRF's handler turns ``wait`` into Retry-After
    return error


@contextmanager
def _processing_here(token):
    """Mark ``token`` in flight in this process, or refuse if it already is."""
    with _in_flight_lock:
        if token in _in_flight:
            raise _in_progress()
        _in_flight.add(token)
    try:
        yield
    finally:
        with _in_flight_lock:
            _in_flight.discard(token)


def _lock_across_processes(token):
    """Inside the transaction: take the key's advisory lock, or refuse if another holds it."""
    if connection.vendor != "postgresql":
        return  # SQLite serves one process (the embedded default): the set above is enough
    lock_id = int.from_bytes(hashlib.sha256(token.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [lock_id])
        if not cursor.fetchone()[0]:
            raise _in_progress()


def idempotent(request, handler, replayed=None):
    """Run ``handler()`` (which writes and returns a Response) at most once per key; on a
    replay, call ``replayed(body)`` (the stored answer's data) so that the write's
    announcements (caches retired, edge purged) are made again.

    :raises IdempotencyKeyReused: (422) the key was used with another request.
    :raises IdempotencyInProgress: (409) a request with this key is being processed.
    """
    value = _header_value(request)
    api_key = request.auth
    if value is None or not isinstance(api_key, PartnerApiKey):
        return handler()
    fingerprint = _fingerprint(request)
    token = f"{api_key.pk}:{value}"

    def stored():
        return IdempotencyRecord.objects.filter(
            api_key=api_key, key=value, created_at__gte=_cutoff()
        ).first()

    def answer(record):
        if record.request_hash != fingerprint:
            raise IdempotencyKeyReused()
        if replayed is not None:
            replayed(record.body)
        return _replay(record)

    with _processing_here(token):
        try:
            with transaction.atomic():
                _lock_across_processes(token)
                record = stored()
                if record is not None:
                    return answer(record)
                response = handler()
                if 200 <= response.status_code < 300:
                    IdempotencyRecord.objects.filter(created_at__lt=_cutoff()).delete()
                    # In the same transaction as the write: if another server stored an answer
                    # first, this insert fails and everything this request wrote is undone.
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
            return answer(record)
