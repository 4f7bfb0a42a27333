"""Parts of a page kept between renders: the same for every visitor of a language.

The site chrome (``<head>`` metadata, header with menu and language switcher, footer) and a
page's slow lists (a campaign's appeals, ways to give and partners; the home page's featured
campaign and news) are rendered once and kept in the Django cache under the page cache's
*generation* token (``portal.page_cache``), which any write retires: a fragment is never
older than the database, exactly like a cached page.

They are kept only when that token is kept up to date and shared by every process: with the
page cache on, or ``FRAGMENT_CACHE_SECONDS`` > 0 (by default on when ``REDIS_URL`` is set).
With the per-process memory cache and both off (the embedded default), everything renders.

Nothing personal is kept: a request that is previewing, logged in or holding a session
renders everything and keeps nothing; no fragment contains a form, a CSRF token or the
admin bar. The token is read once, before routing (``PageCacheMiddleware``), so a fragment
rendered from rows read before a write commits is filed under a retired token.
"""

from django.conf import settings
from wagtail.models import Page

from portal import page_cache

REQUEST_ATTR = "_portal_cache_generation"


def enabled():
    return (
        getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) > 0
        or getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
    )


def timeout():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) or settings.PAGE_CACHE_SECONDS


def may_serve(request):
    """Whether this request may read or keep fragments (checked before the token is read)."""
    return enabled() and page_cache.is_anonymous_read(request, methods=("GET", "HEAD"))


def remember_generation(request, token):
    setattr(request, REQUEST_ATTR, token)


def _page_part(request, page):
    """What the per-page chrome depends on: the page, or the path of a view's page."""
    if isinstance(page, Page) and page.pk:
        return f"page-{page.pk}"
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve" or request.META.get("QUERY_STRING"):
        return None  # a 404, or a view whose chrome follows the query string: not kept
    return f"path-{request.path}"


def key(context, name, parts, per_page=False):
    """The cache key of fragment ``name`` for this request, or None to render it live."""
    request = context.get("request")
    token = getattr(request, REQUEST_ATTR, None) if request is not None else None
    if token is None or not may_serve(request):
        return None
    parts = [str(part) for part in parts]
    if per_page:
        page_part = _page_part(request, context.get("page"))
        if page_part is None:
            return None
        parts.append(page_part)
    return page_cache.visitor_key("fragment", token, request, name, *parts)
