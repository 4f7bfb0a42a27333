"""Repeated searches answered from the cache: the rendered results page for anonymous visitors.

A search page is kept under the same site-wide *generation* token as the origin page cache
(:mod:`portal.page_cache`): any content write (a page published, a need saved, a promotion
changed…) retires every cached search at once, so a cached search never misses new content.
The key also holds the host, the language, the date, the query as the view cleaned it
(whitespace collapsed, cut at 200 characters: the page shows it as typed), the type and
campaign filters and the page number.

Only anonymous visitors without a session (not logged in, not previewing) are served or stored,
and only answers that set no cookie and used no CSRF token. On exactly when the page cache is
on (``PAGE_CACHE_SECONDS`` > 0, by default when ``REDIS_URL`` is set: a per-process memory
cache could not see other processes' writes). A search served from the cache is still counted
for the staff report (:class:`search.models.SearchTerm`).
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache

from portal import page_cache

HEADER = "X-Search-Cache"


# The parameters a results page depends on. Any other (a tracking id, an e-mail in a shared
# link) shows in the page's canonical and language links: such a request is never kept.
PARAMETERS = {"q", "type", "campaign", "page"}


def is_candidate(request):
    return (
        page_cache.enabled()
        and set(request.GET) <= PARAMETERS
        and page_cache.is_anonymous_read(request)
    )


def key_for(request, *criteria):
    """The cache key of one search (None when the cache is down); the generation token is
    read now, before any rendering."""
    token = page_cache.generation()
    if token is None:  # the cache is down: nothing served from it or kept
        return None
    described = json.dumps(criteria, ensure_ascii=False)  # the query: any characters, any length
    digest = hashlib.sha256(described.encode()).hexdigest()
    return page_cache.visitor_key("searchcache", token, request, digest)


def get(key):
    """(response, result count to record or None), or None when not cached."""
    stored = cache.get(key)
    if stored is None:
        return None
    packed, counted = stored
    return page_cache.unpack(packed, HEADER), counted


def store(key, request, response, counted):
    """Keep an anonymous visitor's results page; ``counted``: the count the staff report
    records when the page is served again (None when such a search is not recorded)."""
    if not page_cache.shareable(request, response):
        return
    cache.set(key, (page_cache.pack(response), counted), settings.PAGE_CACHE_SECONDS)
    response[HEADER] = "miss"
