"""Where a public address leads, kept between requests for anonymous visitors.

Routing a Wagtail page reads five to seven rows on every request: the site for the host, the
active locale, the localized root page, one page per path segment, the specific page and the
view restrictions of the page and its ancestors. For an anonymous read the outcome is the
same for every visitor until something is written, so it is kept in the Django cache, filed
with the page cache's *generation* token (``portal.page_cache``) exactly like fragments: any
write (a page published, moved or restricted, a site or locale changed…) retires it, and a
kept route is never older than the database.

What is kept is what Wagtail itself caches on the request while routing
(``request._wagtail_site`` and ``request._wagtail_route_for_request``): the site and the
specific page as routed, *before* it is served, with the path's arguments. Handed back on
the request, they make ``Page.route_for_request`` and ``Site.find_for_request`` answer without
a query. A page that any view restriction applies to is never kept, so the restriction check
always reads the database for it; a kept page carries the fact that none applied.

Next to the route is the list of cache entries the last render of the address read
(``portal.read_ahead``): the next render fetches them in one round trip. The generation
token and the kept route are read together, in one round trip, before routing.

Only requests that may read fragments (``portal.fragments.may_serve``: anonymous, no session,
not previewing, GET or HEAD) use it.
"""

from django.core.cache import cache

from portal import fragments, page_cache, read_ahead

KEPT_ATTR = "_portal_route"  # (key, token, kept route, kept reads)
RESTORED_ATTR = "_portal_route_restored"  # the entries read ahead


def _key(request):
    # Not filed under the token (the value carries it) so one round trip reads all three.
    return page_cache.visitor_key("route", "-", request, request.path)


def _current(kept, token):
    return kept[1:] if kept is not None and kept[0] == token else None


def generation_and_route(request):
    """The generation token, read in the same round trip as the route kept for this address
    and its list of reads (each used only if kept under that token); None when the cache
    cannot be read."""
    key = _key(request)
    found = cache.get_many([page_cache.GENERATION_KEY, key, f"{key}:reads"])
    token = found.get(page_cache.GENERATION_KEY) or page_cache.generation()
    if token is not None:
        route = _current(found.get(key), token)
        reads = _current(found.get(f"{key}:reads"), token)
        setattr(request, KEPT_ATTR, (key, token, route, reads[0] if reads else []))
    return token


def restore(request):
    """Before the view of a Wagtail page: hand Wagtail the kept route, if there is one, and
    open the read-ahead batch with what the last render of this address read."""
    kept = getattr(request, KEPT_ATTR, None)
    if kept is None:
        return False
    _, _, route, reads = kept
    read_ahead.start(reads, cache)  # and record this render's reads for the next one
    setattr(request, RESTORED_ATTR, set(reads))
    if route is None:
        return False
    request._wagtail_site, request._wagtail_route_for_request = route
    return True


def keep(page, request, args, kwargs):
    """``before_serve_page`` hook, first of all: keep a fresh route, as routed, before the
    page is served (what serving adds to the page object is not kept)."""
    from home.models.base import PortalPage

    kept = getattr(request, KEPT_ATTR, None)
    if kept is None or kept[2] is not None or not isinstance(page, PortalPage):
        return None
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if route is None or site is None or route[0] is not page:
        return None
    if page.get_view_restrictions().exists():
        return None  # the restriction check must read the database on every request
    page.mark_unrestricted()
    key, token = kept[:2]
    cache.set(key, (token, site, route), fragments.timeout())
    return None


def finish(request):
    """After the response: note the cache entries this render read, if they changed."""
    read = read_ahead.finish()
    kept = getattr(request, KEPT_ATTR, None)
    if kept is None or not read or set(read) <= getattr(request, RESTORED_ATTR, set()):
        return
    key, token = kept[:2]
    cache.set(f"{key}:reads", (token, read), fragments.timeout())
