"""The origin's own copy of anonymous page HTML, never older than the database.

A page rendered for an anonymous visitor is kept in the Django cache (Redis in production)
and handed to the next anonymous visitor of the same host, language and path without
rendering it again. It is always correct because every cached copy is stored under a site-wide
*generation* token that any write retires:

* any model saved or deleted (pages, revisions, snippets, images, settings, tracker entries…),
  except the few models a render itself writes (renditions) or that never show on a page;
* publish, unpublish and move (``portal.edge`` bumps it before each edge purge);
* tracker figures changing (``campaigns.tracker.cache.invalidate``);
* the date changing (campaign state depends on today's date: the date is part of the key).

Fragments of pages (portal/fragments.py) and kept routes (portal/route_cache.py) are filed
under the same token: it is kept up to date whenever either is on. The token is bumped at
once and again after the transaction commits, so a render that read the old rows between the
two can never be filed under the new token. The token is read *before* rendering, so a copy
rendered while a write commits is filed under the old token.

Only GET requests without a query string, from visitors with no session (not logged in, no
preview), for Wagtail pages answering 200, that set no cookie, used no CSRF token and did not
touch the session, are kept. Off unless ``PAGE_CACHE_SECONDS`` > 0 (by default on when
``REDIS_URL`` is set: a per-process memory cache could not see other processes' writes).
"""

import uuid
from datetime import UTC

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from portal.cache_headers import is_personal

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
# Written while rendering, or never shown on a public page: they don't retire the cache.
IGNORED_MODELS = {
    "sessions.session",
    "wagtailimages.rendition",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailusers.userprofile",
    "auth.user",
    "admin.logentry",
    "contenttypes.contenttype",
    # Written by visitors and API clients but shown on no public page: a search, an offer
    # still pending, an API key's use or a retry record must not retire every cached page.
    "portal_search.searchterm",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "people.offer",
    "people.invitation",
    "tracker_api.partnerapikey",
    "tracker_api.idempotencyrecord",
    # The task queue's rows (campaigns.background): every task writes them.
    "background.taskrecord",
    "django_tasks_db.dbtaskresult",
}
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link")


def enabled():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def generation():
    """The current token, or None when the cache cannot be read (Redis down): then nothing
    may be served from the cache or kept in it, since no write could retire it."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def _bump():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate():
    """Retire every cached page and fragment now, and again when the transaction commits."""
    from portal import fragments

    if not (enabled() or fragments.enabled()):
        return
    _bump()
    transaction.on_commit(_bump)


def on_write(sender, **kwargs):
    if sender._meta.label_lower not in IGNORED_MODELS:
        invalidate()


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(on_write, dispatch_uid="page-cache-save")
    post_delete.connect(on_write, dispatch_uid="page-cache-delete")
    m2m_changed.connect(on_write, dispatch_uid="page-cache-m2m")


def is_anonymous_read(request, methods=("GET",)):
    """A read by a visitor with nothing of their own in the answer: not logged in, not
    previewing, no session. The page cache, the search cache and fragments serve only these."""
    user = getattr(request, "user", None)
    return (
        request.method in methods
        and not is_personal(request)
        and not (user is not None and user.is_authenticated)
    )


def visitor_key(prefix, token, request, *parts):
    """A cache key for what every anonymous visitor of this host and language sees today
    (campaign states follow the date), filed under generation ``token``.

    The hour is UTC's: each campaign's day turns at midnight in its own country's time
    zone (whole hours from UTC in all 22 Arab states), so the key turns every hour."""
    return ":".join(
        (
            prefix,
            token,
            request.scheme,
            request.get_host(),
            get_language() or "",
            timezone.now().astimezone(UTC).strftime("%Y-%m-%dT%H"),
            *map(str, parts),
        )
    )


def shareable(request, response):
    """Whether an answer to an anonymous visitor may be handed to the next one as it is."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _storable(request, response):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve" and shareable(request, response)


def pack(response):
    """What is kept of a response: status, body and the headers that describe the body."""
    headers = [(h, response[h]) for h in KEPT_HEADERS if response.has_header(h)]
    return response.status_code, response.content, headers


def unpack(packed, header):
    """A response again from :func:`pack`'s tuple, marked ``header: hit``."""
    status, content, headers = packed
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[header] = "hit"
    return response


class PageCacheMiddleware:
    """Serve anonymous page HTML from the cache; keep fresh renders for the next visitor.

    Sits last in ``MIDDLEWARE``: the locale is active, the user known, scheduled releases
    already published; the outer middlewares (edge headers, CSRF, session) still run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from portal import route_cache

        try:
            return self._respond(request)
        finally:
            route_cache.finish(request)

    def _respond(self, request):
        from portal import fragments, route_cache

        # One round trip reads the token (for fragments and the page cache alike) and the
        # route kept for this address, before routing reads any row.
        token = route_cache.generation_and_route(request) if fragments.may_serve(request) else None
        if token is not None:
            fragments.remember_generation(request, token)
        # A candidate for the page cache may always serve fragments: its token is read.
        if token is None or not self._is_candidate(request):  # None: the cache is down
            return self.get_response(request)
        key = visitor_key("pagecache", token, request, request.path)
        stored = cache.get(key)
        if stored is not None:
            return unpack(stored, HEADER)
        response = self.get_response(request)
        if _storable(request, response):
            cache.set(key, pack(response), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A Wagtail page about to be routed: hand Wagtail the kept route, if any."""
        from portal import route_cache

        match = request.resolver_match
        if match is not None and match.url_name == "wagtail_serve":
            route_cache.restore(request)

    @staticmethod
    def _is_candidate(request):
        return enabled() and not request.META.get("QUERY_STRING") and is_anonymous_read(request)
