"""Tell shared caches (Varnish, a CDN) which responses they may keep, and for how long.

* Anonymous GET/HEAD page responses that set no cookie: ``public`` with a short browser
  lifetime and a longer shared-cache lifetime (``s-maxage``). Publishing purges them early
  (see ``portal.caching``), so the shared lifetime only bounds how stale a missed purge can be.
* Anything for a logged-in user, a Wagtail preview, the admin, or a response that sets a
  cookie (a session, a CSRF token): ``private, no-store`` — never shared.
* A response whose view already chose its own ``Cache-Control`` (static files, the API's
  conditional GETs, ``/healthz``) is left alone, unless it belongs to a user.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

CACHEABLE_STATUSES = {200, 301, 404, 410}
NEVER_SHARED = "private, no-cache, no-store, must-revalidate, max-age=0"


def _has_session_cookie(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_personal(request):
    """A response for this request may belong to one person (logged in, previewing, or
    holding a session — e.g. one that unlocked a password-protected page)."""
    return getattr(request, "is_preview", False) or _has_session_cookie(request)


class EdgeCacheHeadersMiddleware:
    """Sets ``Cache-Control`` on every response from what the request and response say."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if is_personal(request) or path.startswith(settings.EDGE_CACHE_PRIVATE_PREFIXES):
            response["Cache-Control"] = NEVER_SHARED
            patch_vary_headers(response, ["Cookie"])
            return response
        if response.cookies:
            # A cached Set-Cookie would hand one visitor's session or token to everyone.
            response["Cache-Control"] = NEVER_SHARED
            return response
        if response.has_header("Cache-Control"):
            return response
        if request.method not in ("GET", "HEAD") or response.status_code not in CACHEABLE_STATUSES:
            return response
        shared = settings.EDGE_CACHE_SECONDS if response.status_code < 400 else 60
        if request.META.get("QUERY_STRING"):
            # A search or a filtered listing: no purge can name every query, so it expires soon
            # (an unpublished page left a search's results for the whole s-maxage).
            shared = min(shared, settings.EDGE_QUERY_SECONDS)
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.EDGE_BROWSER_SECONDS, shared),
            s_maxage=shared,
            stale_while_revalidate=settings.EDGE_STALE_SECONDS,
        )
        _drop_vary_cookie(response)
        return response


def _drop_vary_cookie(response):
    """Without a session cookie the (empty) session cannot have shaped the page; "Vary:
    Cookie" would only make CDNs keep one copy per analytics cookie, or none at all."""
    if not response.has_header("Vary"):
        return
    kept = [h.strip() for h in response["Vary"].split(",") if h.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
