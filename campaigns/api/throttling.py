"""Request-rate limits: per anonymous client (IP) and per partner key; ``429`` + ``Retry-After``."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from portal.client_address import client_address

from .models import PartnerApiKey


def _rate(name):
    return settings.TRACKER_API_THROTTLE.get(name)


class AnonymousClientThrottle(SimpleRateThrottle):
    """Requests without a key, counted per client address."""

    scope = "anon"

    def get_rate(self):
        return _rate("anon")

    def allow_request(self, request, view):
        # Rates are read per request so deployments and tests can change them in settings.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
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
