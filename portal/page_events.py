"""Wagtail's page events retire the page everywhere it shows (``portal.caching``).

* published: new versions and a soft edge purge of the page in every language and of every
  page showing it (``caching.page_changed``), replacing Wagtail's own purge, which covers
  the page's own address only;
* unpublished (also on expiry): the same, purged hard (gone at once);
* a view restriction added, changed or removed: the page and every live page under it, hard;
* moved: the old addresses (read before the move), the new ones and the addresses Wagtail's
  redirects send to the page or under it (an earlier slug's redirect), hard;
* a new slug (``page_slug_changed``): the old addresses of the page and of every live page
  under it, and the addresses Wagtail's redirects send to them, hard.
"""

import threading

from wagtail.models import Page, Site

from portal import caching

_moving = threading.local()


def _on_published(instance, **kwargs):
    caching.page_changed(instance)


def _on_unpublished(instance, **kwargs):
    caching.page_changed(instance, hard=True)  # unpublished or expired: gone at once


def _on_restriction_changed(instance, **kwargs):
    """A view restriction added or removed: it covers the whole subtree, so the page, every
    live page under it, their translations (their language switchers link to them) and the
    pages listing those (``get_listing_pages()``: a campaign
    listing a partner under a private partners index) are purged hard."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        under = [
            shown
            for item in page.get_descendants().live().specific()
            # its translations too: their language switchers link to it (fresh-eyes trial)
            for shown in (item, *item.get_translations().live().specific())
        ]
        listing = [shown for item in under for shown in getattr(item, "get_listing_pages", list)()]
        caching.page_changed(page, hard=True, extra_pages=[*under, *listing])


def _before_move(instance, **kwargs):
    moving = getattr(_moving, "urls", {})
    pages = [*caching.pages_showing(instance), *instance.get_descendants().live().specific()]
    moving[instance.pk] = caching.urls_for(pages)
    _moving.urls = moving


def _after_move(instance, **kwargs):
    old_urls = getattr(_moving, "urls", {}).pop(instance.pk, set())
    page = Page.objects.get(pk=instance.pk).specific  # its new url_path
    caching.page_changed(page, hard=True, extra_pages=page.get_descendants().live().specific())
    caching.purge_urls(old_urls | redirects_to(page), hard=True)


def _on_slug_changed(instance, instance_before, **kwargs):
    """A new slug published (Wagtail sends ``page_slug_changed`` once the write commits): the
    old addresses of the page and of every live page under it (their cached paths too) leave
    the edge at once; they now redirect or answer 404. So do the addresses that Wagtail's
    redirects send to any of them (a slug changed before: the edge kept that redirect to the
    address now gone). The new addresses are the publish's; the API answers naming the
    address of the page or of a page under it (Wagtail's API v2 details, their ``html_url``;
    the tracker API's, from ``get_site_cached_paths()``) are purged softly."""
    old_prefix, new_prefix = instance_before.url_path, instance.url_path
    pages = [instance_before]
    for page in instance.get_descendants().live().specific():
        page.url_path = old_prefix + page.url_path.removeprefix(new_prefix)  # as it was
        pages.append(page)
    old_urls = caching.urls_for(pages)
    # The API details name each page's address (meta.html_url): soft, they still answer.
    own = {path for page in pages for path in getattr(page, "get_site_cached_paths", list)()}
    caching.purge_urls(caching.site_listings(old_urls, [page.pk for page in pages], own))
    caching.purge_urls(old_urls | redirects_to(instance), hard=True)


def redirects_to(page):
    """The absolute URLs that Wagtail's redirects (``wagtail.contrib.redirects``) send to
    ``page`` or a page under it, with and without the trailing slash (Wagtail keeps
    ``old_path`` without it; the edge keeps the address as requested)."""
    from wagtail.contrib.redirects.models import Redirect

    root_paths = Site.get_site_root_paths()
    urls = set()
    redirects = Redirect.objects.filter(redirect_page__path__startswith=page.path)
    for redirect in redirects.select_related("site"):
        for url in redirect.old_links(root_paths):
            urls.add(url)
            if "?" not in url:
                urls.add(url.rstrip("/") + "/")
    return urls


def connect_signals():
    """Replace Wagtail's own purge on publish and unpublish with ours (a superset: languages,
    listings) and follow moves, new slugs and view restrictions."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers
    from wagtail.models import PageViewRestriction
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
        pre_page_move,
    )

    for model in [model for model in apps.get_models() if issubclass(model, Page)]:
        page_published.disconnect(wagtail_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_handlers.page_unpublished_signal_handler, sender=model)
        page_published.connect(_on_published, sender=model, dispatch_uid=f"cache-pub-{model}")
        page_unpublished.connect(_on_unpublished, sender=model, dispatch_uid=f"cache-unp-{model}")
    pre_page_move.connect(_before_move, dispatch_uid="cache-before-move")
    post_page_move.connect(_after_move, dispatch_uid="cache-after-move")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="cache-slug-changed")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"cache-restriction-{signal is post_save}",
        )
