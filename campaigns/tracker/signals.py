"""A campaign's figures change: any saved or deleted need, contribution or delivery retires
its cached figures and purges the pages showing them.

``invalidate(campaign_id)`` is the one call made then: a new ``campaign:<id>`` version
(``portal.caching``; the figures are kept under it, ``sums.cached``) and, once the write
commits, one task (``purge_campaign``) that soft-purges the campaign's pages and public views,
in every language, from the edge: one for all the writes to the campaign that commit while it
waits to start.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django_tasks import task

from portal import caching, on_commit


def invalidate(campaign_id):
    """Retire the campaign's cached figures and purge the pages showing them from the edge.

    With ``TRACKER_PURGE_COALESCE`` (a cache every process shares), the purge is coalesced
    per campaign: the writes that commit while one ``purge_campaign`` waits
    (``TRACKER_PURGE_DELAY_SECONDS``, plus the queue's own wait) share it, in every process
    (a marker in the shared cache, ``pending_purge_key``).
    """
    if campaign_id is None:
        return
    caching.bump(f"campaign:{campaign_id}", "figures")  # "figures": the home page's overview
    if not settings.WAGTAILFRONTENDCACHE:
        return
    if settings.TRACKER_PURGE_COALESCE:
        on_commit.enqueue_on_commit(
            on_commit.urgent(purge_campaign),
            campaign_id,
            coalesce_key=pending_purge_key(campaign_id),
            delay=settings.TRACKER_PURGE_DELAY_SECONDS,
        )
    else:  # no cache every process shares: one purge per write
        on_commit.enqueue_on_commit(on_commit.urgent(purge_campaign), campaign_id)


def pending_purge_key(campaign_id):
    """The shared-cache key set while a purge of the campaign waits to start."""
    return f"tracker:purge-pending:{campaign_id}"


# Enqueued at the top priority (portal.on_commit.urgent): the figures' freshness must not
# wait behind a backlog of other work.
@task
def purge_campaign(campaign_id):
    """Background task: a soft edge purge of the campaign's pages and public views, sent by
    the worker itself (one task for the writes committed while it waited, however many URLs).

    The pending marker is cleared first: a write committed before this line is shown by this
    purge; one committed after enqueues the next purge.
    """
    on_commit.coalesced_task_started(pending_purge_key(campaign_id))
    caching.purge_now(campaign_urls(campaign_id))


def campaign_urls(campaign_id):
    """The campaign's pages (with their cached paths: its public tracker views), the home
    page, its API detail and totals and the API's overview, in every language, as a set of
    absolute URLs without query strings (empty when the campaign or the default site is
    gone)."""
    from django.urls import reverse
    from wagtail.models import Site

    from campaigns.models import CampaignPage

    campaign = CampaignPage.objects.filter(pk=campaign_id).first()
    site = Site.objects.filter(is_default_site=True).first()
    if campaign is None or site is None:
        return set()
    pages = [campaign, *campaign.get_translations().live()]
    # The home page in every language shows the figures across the region (its overview).
    homes = site.root_page.get_translations(inclusive=True).live()
    urls = set(caching.urls_for([*pages, *homes]))
    # The region's overview adds every campaign's figures, as the home pages do.
    urls.add(site.root_url + reverse("tracker-overview"))
    # The tracker API answers for any translation's id. The edge files these addresses' query
    # strings (?by=, ?locale=) as variants of the address (deploy/varnish/default.vcl), so
    # purging the address retires them all.
    for page in pages:
        urls.add(site.root_url + reverse("tracker-campaign-detail", kwargs={"pk": page.pk}))
        urls.add(site.root_url + reverse("tracker-campaign-totals", kwargs={"pk": page.pk}))
    return urls


def _entry_changed(sender, instance, **kwargs):
    invalidate(instance.campaign_id)


def connect():
    from .models import Contribution, Delivery, Need

    for model in (Need, Contribution, Delivery):
        post_save.connect(_entry_changed, sender=model, dispatch_uid=f"tracker-{model.__name__}")
        post_delete.connect(
            _entry_changed, sender=model, dispatch_uid=f"tracker-del-{model.__name__}"
        )
