"""Cached tracker figures, invalidated whenever an entry of the campaign changes.

Each campaign has a generation token in the cache; cached figures are stored under the
token, so changing the token (``invalidate``) retires every figure of that campaign at once.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction


def _token_key(campaign_id):
    return f"tracker:generation:{campaign_id}"


def _timeout():
    return getattr(settings, "TRACKER_CACHE_SECONDS", 3600)


def generation(campaign_id):
    key = _token_key(campaign_id)
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key)
    return token


def _bump(campaign_id):
    cache.set(_token_key(campaign_id), uuid.uuid4().hex, None)


def invalidate(campaign_id):
    """Forget the campaign's cached figures now and again once the transaction commits.

    The second time stops a reader from caching figures computed between the first
    invalidation and the commit.
    """
    if campaign_id is None:
        return
    from portal import page_cache

    _bump(campaign_id)
    transaction.on_commit(lambda: _bump(campaign_id))
    page_cache.invalidate()  # pages showing the figures, rendered by the origin
    purge_edge(campaign_id)


def cached(campaign_id, name, compute):
    """``compute()`` once per generation of the campaign's entries."""
    key = f"tracker:{campaign_id}:{generation(campaign_id)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, _timeout())
    return value


PUBLIC_VIEWS = ("tracker:needs", "tracker:needs_csv", "tracker:totals_csv", "tracker:data_json")


def purge_edge(campaign_id):
    """After commit, purge the campaign's pages and its needs/open-data views in every
    language from the edge cache (nothing to do when no edge cache is configured)."""
    if campaign_id is None or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    transaction.on_commit(lambda: _purge_campaign_urls(campaign_id))


def _purge_campaign_urls(campaign_id):
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Site

    from campaigns.models import CampaignPage
    from portal.edge import pages_showing, purge_urls, urls_for

    campaign = CampaignPage.objects.filter(pk=campaign_id).first()
    site = Site.objects.filter(is_default_site=True).first()
    if campaign is None or site is None:
        return
    urls = list(urls_for(pages_showing(campaign)))
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.extend(
                site.root_url + reverse(name, kwargs={"campaign_slug": campaign.slug})
                for name in PUBLIC_VIEWS
            )
    purge_urls(urls)
