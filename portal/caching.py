"""What retires a cached copy: explicit versions for the origin, purges for the edge.

The edge (Varnish or a CDN) caches anonymous pages (``portal.cache_headers`` sets
``s-maxage``); the origin caches only expensive parts of templates with Django's
``{% cache %}`` tag. Both are retired by domain events, never by "any model saved":

* a page published, unpublished (also on expiry), moved or given a view restriction: the page
  in every language and every page showing it (its ancestors, and what
  ``PortalPage.get_listing_pages`` names) get a new *page* version and are purged from the
  edge, with the sitemap; the *site* version (menus, language links, the footer) changes too;
  a new slug also purges the old addresses of the page and the pages under it
  (``portal.page_events`` connects Wagtail's signals to :func:`page_changed`);
* the site's chrome changing (the menu, the footer's site settings: ``home.chrome_events``):
  every live page of that language, through :func:`chrome_changed`;
* a campaign's figures changing: the tracker calls :func:`bump` and :func:`purge_urls`
  (``campaigns.tracker.signals.invalidate``);
* press snippets (coverage, contacts, media kits) or site settings changing: their app bumps
  the ``press`` or ``site`` version;
* a deploy: every key holds :func:`release` (``PORTAL_RELEASE``, else the git revision).

Versions live in the Django cache (Redis in production). Each is bumped at once and again
when the transaction commits, so a render that read old rows in between is filed under a
retired version. Purges wait for the commit and leave as one Wagtail purge task per write
(``portal.on_commit``); a campaign's figures leave as one task for all the writes that commit
while it waits.
Nothing here imports a domain app: page types extend behaviour through page methods.
"""

import logging
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex

from portal import on_commit
from portal.cache_headers import is_personal

logger = logging.getLogger("portal.caching")
_request = threading.local()


# --- versions -------------------------------------------------------------------------------
def _git_revision():
    head = Path(settings.BASE_DIR) / ".git"
    try:
        if head.is_file():  # a worktree: ".git" names the real git directory
            head = Path(head.read_text().split(":", 1)[1].strip())
        ref = (head / "HEAD").read_text().strip()
        if ref.startswith("ref: "):
            ref = (head / ref[5:]).read_text().strip()
        return ref[:12]
    except (OSError, IndexError):
        return None


_RELEASE = None


def release():
    """The deployed revision (``PORTAL_RELEASE``, else the git commit, else the time this
    process started): part of every fragment key, so a deploy never serves old markup."""
    global _RELEASE  # noqa: PLW0603 - computed once per process
    if _RELEASE is None:
        _RELEASE = (
            getattr(settings, "PORTAL_RELEASE", "")
            or _git_revision()
            or (f"t{timezone.now():%Y%m%d%H%M%S}")
        )
    return _RELEASE


def _key(scope):
    return f"version:{scope}"


def versions(*scopes):
    """``{scope: version}`` for these scopes (e.g. ``"site"``, ``"page:12"``,
    ``"campaign:3"``), in one cache round trip; a missing version is created."""
    found = cache.get_many([_key(scope) for scope in scopes])
    result = {}
    for scope in scopes:
        value = found.get(_key(scope))
        if value is None:
            cache.add(_key(scope), uuid.uuid4().hex[:10], None)
            value = cache.get(_key(scope)) or "none"  # the cache is down: nothing kept
        result[scope] = value
    return result


def version(scope):
    """The current version of one scope (a short string)."""
    return versions(scope)[scope]


def bump(*scopes):
    """Retire everything filed under these scopes: now, and again when the transaction
    commits (at once outside a transaction)."""

    def new_versions():
        cache.set_many({_key(scope): uuid.uuid4().hex[:10] for scope in scopes}, None)

    new_versions()
    transaction.on_commit(new_versions)


# --- values: once per request, or kept under a version ---------------------------------------
def memo(key, compute):
    """``compute()`` once per request: kept under ``key`` in the request's own memory, which
    is emptied when the request ends; computed at every call outside a request (a task, a
    shell)."""
    kept = getattr(_request, "memo", None)
    if kept is None:
        return compute()
    if key not in kept:
        kept[key] = compute()
    return kept[key]


def cached(scope, name, compute, seconds):
    """``compute()`` (not None), kept ``seconds`` in the shared cache under ``scope``'s
    current version, so a :func:`bump` of the scope retires it at once; read once per
    request. With ``seconds`` 0 (no cache every process shares: another process could not
    retire this one's copy) computed once per request."""
    key = f"value:{scope}:{version(scope)}:{name}"
    if not seconds:
        return memo(key, compute)
    return memo(key, lambda: cache.get_or_set(key, compute, seconds))


def _start_memo(**kwargs):
    _request.memo = {}


def _end_memo(**kwargs):
    _request.memo = None


# --- what templates read --------------------------------------------------------------------
def fragment_context(request):
    """Context processor for ``{% cache %}`` tags: ``fragment_seconds`` (0: render, keep
    nothing), ``fragment_key`` and ``site_version``.

    Fragments are kept only for anonymous GET/HEAD requests without a query string (nothing
    personal, no preview) and only with a cache every process shares
    (``FRAGMENT_CACHE_SECONDS`` > 0; by default with ``REDIS_URL``). ``fragment_key`` names
    the release, scheme, host, language, path and the hour in UTC (a campaign's state turns
    at its own country's midnight); add ``site_version`` for the site's chrome (menus,
    language links, footer) and ``page|page_version`` for what one page shows.
    """
    user = getattr(request, "user", None)
    seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)
    if (
        request.method not in ("GET", "HEAD")
        or request.META.get("QUERY_STRING")
        or getattr(request, "resolver_match", None) is None
        or is_personal(request)
        or (user is not None and user.is_authenticated)
    ):
        return {"fragment_seconds": 0, "fragment_key": "", "site_version": ""}

    def key():
        parts = (request.scheme, request.get_host(), get_language() or "", request.path)
        # The hour (UTC): a campaign's state turns at its own country's midnight.
        return ":".join((release(), *parts, timezone.now().strftime("%Y-%m-%dT%H")))

    return {
        "fragment_seconds": seconds,
        "fragment_key": SimpleLazyObject(key),
        "site_version": SimpleLazyObject(lambda: version("site")),
    }


def page_version(page, extra=""):
    """``"<pk>.<version>"``: a page's own version (and the versions of the comma-separated
    scopes in ``extra``, e.g. ``"press"``), for ``{% cache %}`` keys; empty without a page."""
    if not isinstance(page, Page) or not page.pk:
        return ""
    scopes = [f"page:{page.pk}", *filter(None, extra.split(","))]
    found = versions(*scopes)
    return ".".join([str(page.pk), *(found[scope] for scope in scopes)])


# --- edge purges ----------------------------------------------------------------------------
def pages_showing(page):
    """The live pages whose HTML shows ``page``: itself and its translations, their
    ancestors (listings, the home page) and the pages its type names in
    ``get_listing_pages()`` (a partner: the campaigns listing it)."""
    page = page.specific
    shown = [page, *page.get_translations().live().specific()]
    related = list(shown)
    for version_in_language in shown:
        related.extend(version_in_language.get_ancestors().live().filter(depth__gt=1).specific())
        related.extend(getattr(version_in_language, "get_listing_pages", list)())
    return list({item.pk: item for item in related}.values())


def urls_for(pages):
    """Every cached URL of these pages (with routable sub-paths such as feeds)."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def purge_urls(urls, hard=False):
    """Purge these URLs from the edge once the transaction commits: every URL of one write
    leaves in one Wagtail purge task (a django-tasks task), soft unless ``hard``."""
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        on_commit.batch_on_commit(_send_purges, {(url, hard) for url in urls})


def _send_purges(items):
    hard = {url for url, is_hard in items if is_hard}
    send_purge({url for url, _is_hard in items} - hard)
    send_purge(hard, hard=True)


def _backend_settings(hard, refresh=False):
    return {
        name: {**config, "HARD": hard, "REFRESH": refresh}
        for name, config in settings.WAGTAILFRONTENDCACHE.items()
    }


def send_purge(urls, hard=False):
    """Enqueue a purge of ``urls`` as one Wagtail purge task (soft unless ``hard``), at the
    queue's top priority: a backlog (an import's reference-index tasks, a demo load) must not
    hold a purge, or the edge serves old figures until the backlog drains."""
    if not urls:
        return
    logger.info("Purging %d URL(s) from the edge cache (%s)", len(urls), "hard" if hard else "soft")
    # A soft purge refreshes the copies it expired (portal.varnish): an editor's few pages.
    # Not the tracker's (purge_now): at 20 gifts a second that is an origin render of every
    # page of the campaign per purge, where readers ask for a few.
    backends = _backend_settings(hard, refresh=not hard)
    on_commit.urgent(purge_urls_from_cache_task).enqueue(sorted(urls), backends)


def purge_now(urls, hard=False):
    """Purge ``urls`` from the edge in this process: for a background task, which is already
    off the request (enqueueing Wagtail's task from it would make a second trip through the
    queue)."""
    if urls:
        purge_urls_from_cache_task.call(sorted(urls), _backend_settings(hard))


def page_changed(page, hard=False, extra_pages=()):
    """Retire ``page`` everywhere it shows: new versions for it and the pages showing it (and
    the site's chrome), and an edge purge of all of them in every language."""
    pages = [*pages_showing(page), *extra_pages]
    bump("site", *(f"page:{item.pk}" for item in pages))
    urls = urls_for(pages)
    pks = {item.pk for item in pages} | _api_pages(page, pages)
    own = {path for item in pages for path in getattr(item, "get_site_cached_paths", list)()}
    purge_urls(urls | site_listings(urls, pks, own), hard=hard)


def _api_pages(page, pages):
    """The ids of the live pages whose Wagtail API v2 detail names ``page`` or a translation
    of it among ``pages`` beyond those: their children (``meta.parent``: title, address) and
    the pages referencing them (Wagtail's reference index: a press release's
    ``related_campaign``)."""
    family = [item for item in pages if item.translation_key == page.translation_key]
    if not family:
        return set()
    children = Q()
    for item in family:
        children |= Q(path__startswith=item.path, depth=item.depth + 1)
    referencing = (
        ReferenceIndex.get_references_to_in_bulk(family)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    found = Page.objects.live().filter(children | Q(pk__in=[int(pk) for pk in referencing]))
    return set(found.values_list("pk", flat=True))


def site_listings(urls, pks=(), paths=()):
    """The addresses outside the language prefixes that list pages (``EDGE_SITE_LISTINGS``:
    the sitemap, Wagtail's API v2 list), show the page of one of the ids ``pks``
    (``EDGE_PAGE_ADDRESSES``: the API v2 detail) or are among ``paths`` (site-absolute paths
    a page type names in ``get_site_cached_paths()``: the tracker API's detail of a campaign),
    on every site among ``urls`` (absolute URLs)."""
    paths = [
        *settings.EDGE_SITE_LISTINGS,
        *(path.format(pk=pk) for path in settings.EDGE_PAGE_ADDRESSES for pk in pks),
        *paths,
    ]
    origins = {urlsplit(url)[:2] for url in urls}
    return {urlunsplit((scheme, host, path, "", "")) for scheme, host in origins for path in paths}


def chrome_changed(*homes, hard=False):
    """What every page under ``homes`` (home pages) shows around its content changed (the
    menu, the footer): a new *site* version now, and once the transaction commits an edge
    purge (soft unless ``hard``: a page made private leaves the menu) of every live page
    under each home, with their cached paths, sent by a background task
    (:func:`purge_subtree`; a site may hold thousands of pages)."""
    bump("site")
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        for home in homes:
            on_commit.enqueue_on_commit(on_commit.urgent(purge_subtree), home.pk, hard)


@task
def purge_subtree(page_id, hard=False):
    """Background task: an edge purge (soft unless ``hard``) of the live page ``page_id`` and
    every live page under it (nothing when it is gone)."""
    root = Page.objects.filter(pk=page_id).first()
    if root is not None:
        pages = Page.objects.live().descendant_of(root, inclusive=True).specific()
        purge_now(urls_for(pages), hard=hard)


def connect_signals():
    """Give each request its memo (:func:`memo`)."""
    from django.core.signals import request_finished, request_started

    request_started.connect(_start_memo, dispatch_uid="cache-memo-start")
    request_finished.connect(_end_memo, dispatch_uid="cache-memo-end")
