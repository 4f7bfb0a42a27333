"""Caching (docs/caching.md): the origin's cache, the edge's lifetimes and purges, fragments.

The edge (Varnish or a CDN) caches pages and is purged on publish; the origin caches only
what is expensive, under explicit versions.
"""

from .environment import env

# Cache: Redis when REDIS_URL is set, process memory otherwise.
REDIS_URL = env.str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A Redis outage degrades to cache misses instead of failed requests.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A Redis outage is logged once in a while on "portal.cache" (see portal/cache_outage.py).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"

# Shared-cache lifetimes: publishing purges early; these bound staleness if a purge is missed
# (portal.cache_headers.EdgeCacheHeadersMiddleware writes them).
EDGE_CACHE_SECONDS = env.int("EDGE_CACHE_SECONDS", 600)
EDGE_BROWSER_SECONDS = env.int("EDGE_BROWSER_SECONDS", 60)
EDGE_STALE_SECONDS = env.int("EDGE_STALE_SECONDS", 30)
# Edge lifetime of an address with a query string (search results, filtered listings): a purge
# names addresses, never every query, so these expire instead.
EDGE_QUERY_SECONDS = env.int("EDGE_QUERY_SECONDS", 60)
EDGE_CACHE_PRIVATE_PREFIXES = ("/admin/", "/private-media/", "/documents/")
# Addresses outside the language prefixes that list pages: purged, on each page's site, with
# every page published, unpublished, moved or made private (portal.caching.page_changed).
# Wagtail's API v2 lists and finds pages (its query strings are variants of the address at the
# shipped edge, so one purge retires every ?type=, ?locale=, ?html_path=).
EDGE_SITE_LISTINGS = ("/sitemap.xml", "/api/v2/pages/", "/api/v2/pages/find/")
# Addresses outside the language prefixes that show one page ({pk}: its id), purged with the
# page as above: Wagtail's API v2 detail (an unpublished page was read there for 60 s).
EDGE_PAGE_ADDRESSES = ("/api/v2/pages/{pk}/",)
# Addresses outside the language prefixes that answer the same in every language: no
# ``Vary: Accept-Language`` (a CDN would keep a copy per browser language) and no
# ``Content-Language`` (portal.locale); the shipped VCL keeps one copy of each too.
LANGUAGE_NEUTRAL_PATHS = ("/robots.txt", "/sitemap.xml", "/favicon.ico")

# Edge cache purges (SOFTPURGE/PURGE to each Varnish), e.g. "http://10.0.0.5:80,http://10.0.0.6:80".
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {
        "BACKEND": "portal.varnish.VarnishBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(env.list("FRONTEND_CACHE_URLS", []), start=1)
}
# portal.caching lists every translation's own URL, so Wagtail need not rewrite language prefixes.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# {% cache %} fragments under explicit versions (portal.caching.fragment_context).
# Seconds a template fragment is kept (a new version retires it sooner). Needs a cache every
# process shares (Redis): off by default with the per-process memory cache.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", 600 if REDIS_URL else 0)
# Seconds a campaign's figures are kept (a gift retires them sooner). The same rule: a gift
# recorded by another process cannot retire a worker's own memory cache, so without Redis
# every render computes them (three aggregate queries). Five minutes, not longer: a write whose
# process died between its commit and its announcements, and whose client never retried (a
# retry announces it again, campaigns.api.idempotency), is in the figures within this time.
TRACKER_CACHE_SECONDS = env.int("TRACKER_CACHE_SECONDS", 300 if REDIS_URL else 0)
# A campaign's edge purges are coalesced (campaigns.tracker.signals): the gifts committed while
# one purge task waits share it. The marker saying "one waits" must be seen by every process
# (Redis): on by default with Redis, off with the per-process memory cache.
TRACKER_PURGE_COALESCE = env.bool("TRACKER_PURGE_COALESCE", bool(REDIS_URL))
# Seconds a coalesced purge waits before it starts, gathering a burst of gifts, where the queue
# can defer work (database queue; RQ with its scheduler, which looks every second). make bench
# on 2 December 2026 (commit 3541ab6, two runs each, --quick --duration 10), 0 against 0.5:
# at 20 writes/s origin renders 5.5/4.8 against 1.7/1.8 per second, API write p50 55/65 against
# 31/25 ms and p99 1,140/209 against 108/79 ms, figure staleness 0.50/0.44 against 0.73/0.71 s
# (at most 0.85 s at any rate, target 2 s): fewer purges, fewer renders and purge tasks beside
# the partners' writes on the origin's CPU.
TRACKER_PURGE_DELAY_SECONDS = env.float("TRACKER_PURGE_DELAY_SECONDS", 0.5)
# The deployed revision, part of every fragment key (default: the git commit).
PORTAL_RELEASE = env.str("PORTAL_RELEASE", "")
