"""A per-address limit on public submissions, kept in the cache (Redis in production).

The address is never stored: only a keyed hash of it, for the length of the window.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from portal.client_address import client_address


def _key(scope, request):
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]
    return f"people:rate:{scope}:{digest}"


def limits():
    count, seconds = getattr(settings, "PEOPLE_OFFER_RATE", (5, 3600))
    return int(count), int(seconds)


def is_limited(scope, request):
    """True when this address already used up its submissions for the window."""
    count, _seconds = limits()
    return (cache.get(_key(scope, request)) or 0) >= count


def hit(scope, request):
    """Count one submission from this address."""
    _count, seconds = limits()
    key = _key(scope, request)
    if cache.add(key, 1, seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds)
        return 1
