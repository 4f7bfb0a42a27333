"""The visitor's address behind a known number of trusted proxies: one rule for the portal.

``PORTAL_TRUSTED_PROXY_COUNT`` says how many proxies of ours (edge cache, load balancer) stand
between the visitor and the application. Each appends the address it received the request
from to ``X-Forwarded-For``, so the entry that the outermost of ours wrote is the ``N``-th from
the right; everything to its left was written by the client and may be forged. With ``0`` the
header is ignored and ``REMOTE_ADDR`` is the visitor. The API's throttling (DRF ``NUM_PROXIES``)
and the offer form's rate limit both key on this address.
"""

from django.conf import settings


def trusted_proxy_count():
    """``PORTAL_TRUSTED_PROXY_COUNT`` as a non-negative int (0 when unset)."""
    return max(int(getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0) or 0), 0)


def client_address(request):
    """The visitor's IP address as a string (``""`` if unknown).

    :param request: a Django ``HttpRequest`` (or DRF ``Request``, whose ``META`` is the same).
    Never the client-written first entry of ``X-Forwarded-For``: with ``N`` trusted proxies the
    ``N``-th entry from the right, or the leftmost when the header holds fewer (as DRF does).
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = trusted_proxy_count()
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not count or not forwarded:
        return remote
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if not entries:
        return remote
    return entries[-min(count, len(entries))]
