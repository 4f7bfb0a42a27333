"""Keep the edge cache (Varnish, a CDN) truthful: purge what changed, in every language.

A visitor sees a cached copy of a page until it is purged or its shared-cache lifetime
(``EDGE_CACHE_SECONDS``) runs out. When a page is published, unpublished or moved, the page
in every language and the listings that show it (its ancestors up to the home page, and for a
partner the campaigns that list it) are purged once the database transaction has committed,
so the cache can never re-fetch the old version.

Other apps call :func:`purge_campaign` when figures shown on a campaign change (a tracker entry
recorded, a delivery confirmed).
"""

import logging
import threading

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

logger = logging.getLogger("portal.edge")

_moving = threading.local()


def pages_showing(page):
    """The live pages whose HTML shows ``page``: itself and its translations, its ancestors
    (listings and the home page) in every language, and campaigns listing a partner."""
    page = page.specific
    shown = [page, *page.get_translations().live()]
    related = [*shown]
    for translation in shown:
        related.extend(translation.get_ancestors().live().filter(depth__gt=1).specific())
    related.extend(_campaigns_listing(page))
    unique = {}
    for item in related:
        unique.setdefault(item.pk, item)
    return list(unique.values())


def _campaigns_listing(page):
    from campaigns.models import CampaignPage, PartnerPage

    if not isinstance(page, PartnerPage):
        return []
    campaigns = CampaignPage.objects.live().filter(
        campaign_partners__partner__translation_key=page.translation_key
    )
    keys = set(campaigns.values_list("translation_key", flat=True))
    return list(CampaignPage.objects.live().filter(translation_key__in=keys))


def urls_for(pages):
    """Every cached URL of these pages (including routable sub-paths such as feeds)."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def purge_urls(urls):
    """Purge these URLs once the current transaction commits (immediately outside one)."""
    from portal import page_cache

    page_cache.invalidate()  # the origin's HTML copies first: a purged URL is re-fetched
    urls = sorted(set(urls))
    if not urls:
        return

    def send():
        page_cache.invalidate()
        logger.info("Purging %d URL(s) from the edge cache", len(urls))
        PurgeBatch(urls).purge()

    transaction.on_commit(send)


def purge_page(page):
    """Purge a page in every language and the listings that show it."""
    purge_urls(urls_for(pages_showing(page)))


def purge_campaign(campaign):
    """Purge a campaign's pages (every language) and the listings that show its figures.

    Call it after tracker figures shown on the campaign change. Accepts a page or its id.
    """
    if not isinstance(campaign, Page):
        campaign = Page.objects.get(pk=campaign)
    purge_page(campaign)


def on_published(instance, **kwargs):
    purge_page(instance)


def on_unpublished(instance, **kwargs):
    purge_page(instance)


def before_move(instance, **kwargs):
    """Remember the URLs the page and its subtree had before the move (they go stale)."""
    pending = getattr(_moving, "urls", {})
    pages = [*pages_showing(instance), *instance.get_descendants().live().specific()]
    pending[instance.pk] = urls_for(pages)
    _moving.urls = pending


def after_move(instance, **kwargs):
    old_urls = getattr(_moving, "urls", {}).pop(instance.pk, set())
    instance = Page.objects.get(pk=instance.pk).specific  # fresh url_path
    pages = [*pages_showing(instance), *instance.get_descendants().live().specific()]
    purge_urls(old_urls | urls_for(pages))


def connect_signals():
    """Replace Wagtail's own purge-on-publish with ours (a superset: languages, listings)."""
    from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    for model in _page_models():
        page_published.disconnect(wagtail_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_handlers.page_unpublished_signal_handler, sender=model)
        page_published.connect(on_published, sender=model, dispatch_uid=f"edge-pub-{model}")
        page_unpublished.connect(on_unpublished, sender=model, dispatch_uid=f"edge-unpub-{model}")
    pre_page_move.connect(before_move, dispatch_uid="edge-before-move")
    post_page_move.connect(after_move, dispatch_uid="edge-after-move")


def _page_models():
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, Page)]
