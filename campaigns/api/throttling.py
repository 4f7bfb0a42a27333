"""Request-rate limits: per anonymous client (IP) and per partner key; ``429`` + ``Retry-After``.

Counters live in the shared cache (Redis in production), so every worker and server counts
together. The cache swallows Redis errors (a page is better served uncached than not at all),
which would silently lift every limit while Redis is down; so the throttles read and write
Redis without that cushion and, when it fails, count in this process's memory instead, each
process allowing its share of the rate (``rate ÷ TRACKER_API_THROTTLE_PROCESSES``, by default
the number of gunicorn workers) so the limit still holds on a server as a whole. Redis is tried
again after ``FALLBACK_SECONDS``; counts made meanwhile stay local.
"""

import logging
import math
import multiprocessing
import os
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.throttling import SimpleRateThrottle

from portal.client_address import client_address

from .models import PartnerApiKey

logger = logging.getLogger("portal.cache")

FALLBACK_SECONDS = 5.0


def _rate(name):
    return settings.TRACKER_API_THROTTLE.get(name)


def processes():
    """How many processes share a server's limit while each counts on its own."""
    configured = getattr(settings, "TRACKER_API_THROTTLE_PROCESSES", None)
    if configured:
        return int(configured)
    # gunicorn.conf.py's own default when GUNICORN_WORKERS is not set.
    return int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() + 1)


class ThrottleStore:
    """The shared cache for throttle counters, or this process's memory while it fails."""

    def __init__(self):
        self.local = LocMemCache("api-throttle-fallback", {"OPTIONS": {"MAX_ENTRIES": 10000}})
        self.down_until = 0.0

    @property
    def falling_back(self):
        return time.monotonic() < self.down_until

    def _strict(self):
        """The shared cache's client that raises on errors (django-redis), or the cache."""
        shared = caches["default"]
        client = getattr(shared, "client", None)
        return client if client is not None and hasattr(client, "get_client") else shared

    def _call(self, method, *args, **kwargs):
        if not self.falling_back:
            try:
                return getattr(self._strict(), method)(*args, **kwargs)
            except Exception as error:  # Redis unreachable, timed out, or refusing writes
                self.down_until = time.monotonic() + FALLBACK_SECONDS
                logger.warning("Throttle counters in process memory (Redis failed): %s", error)
        return getattr(self.local, method)(*args, **kwargs)

    def get(self, key, default=None):
        return self._call("get", key, default=default)

    def set(self, key, value, timeout):
        return self._call("set", key, value, timeout=timeout)


store = ThrottleStore()


class AnonymousClientThrottle(SimpleRateThrottle):
    """Requests without a key, counted per client address."""

    scope = "anon"
    cache = store

    def get_rate(self):
        return _rate("anon")

    def allow_request(self, request, view):
        # Rates are read per request so deployments and tests can change them in settings.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.num_requests is not None and store.falling_back:
            self.num_requests = max(1, math.ceil(self.num_requests / processes()))
        return super().allow_request(request, view)

    def get_ident(self, request):
        # The portal's one rule for the client address (PORTAL_TRUSTED_PROXY_COUNT).
        return client_address(request)

    def get_cache_key(self, request, view):
        if isinstance(request.auth, PartnerApiKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class PartnerKeyThrottle(AnonymousClientThrottle):
    """Requests with a partner key, counted per key."""

    scope = "key"

    def get_rate(self):
        return _rate("key")

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, PartnerApiKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
