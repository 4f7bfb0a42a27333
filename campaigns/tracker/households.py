"""Households reached per need, and their disclosure on needs and deliveries.

Every published households figure is built from ``need_rows`` (each need's exact count,
never public) through ``disclosure``: a need with 1 to 9 households is shown as "fewer
than 10" and left out of every aggregate.
"""

from django.db.models import Sum

from .disclosure import Count as Published
from .disclosure import publish_count
from .models.tally import DeliveryTally
from .sums import cached

NEED_FIELDS = ("need", "need__category", "need__region", "need__partner")


def need_row(row):
    """One row of ``need_rows`` from a query row grouped by ``NEED_FIELDS`` that sums the
    confirmed tallies' households as ``households``."""
    return {
        "pk": row["need"],
        "category": row["need__category"],
        "region_id": row["need__region"],
        "partner_id": row["need__partner"],
        "households": row["households"] or 0,
    }


def need_rows(campaign_id, computed=None):
    """Per need with confirmed deliveries: ``{"pk", "category", "region_id", "partner_id",
    "households"}`` (exact, never public), in one query, cached. ``computed`` gives the
    rows when a caller's own query already made them (the campaign totals do)."""

    def compute():
        rows = (
            DeliveryTally.objects.filter(campaign_id=campaign_id, confirmed=True)
            .values(*NEED_FIELDS)
            .annotate(households=Sum("households"))
            .order_by("need")
        )
        return [need_row(row) for row in rows]

    return cached(campaign_id, "need-rows", computed or compute)


def need_households(campaign_id):
    """``{need id: Count}``: each need's households as published (``publish_count``)."""
    return {row["pk"]: publish_count(row["households"]) for row in need_rows(campaign_id)}


def disclose_needs(needs):
    """Give each need (of ``with_figures``) its public ``households_reached`` (``None`` when
    1 to 9, then left out of every aggregate) and ``households_fewer_than``. Returns the
    list; one cached lookup per campaign."""
    needs = list(needs)
    by_campaign = {}
    for need in needs:
        if need.campaign_id not in by_campaign:
            by_campaign[need.campaign_id] = need_households(need.campaign_id)
        count = by_campaign[need.campaign_id].get(need.pk, (0, None))
        need.households_reached, need.households_fewer_than = count
    return needs


def disclose_deliveries(deliveries):
    """Give each delivery ``published_households`` (a ``disclosure.Count``), in one query
    (plus one cached lookup per campaign).

    A delivery's households are published only when they are already published as its
    need's: the need's count is published (0 or ≥ 10) and this is the need's only confirmed
    delivery. Any other delivery shows no count and no "fewer than" flag, so the list never
    tells which of a need's deliveries is the small one, nor splits a need's count by day
    beyond the day table's ranges. A delivery awaiting confirmation counts nowhere: no count,
    no flag.
    """
    from .models import Delivery

    deliveries = list(deliveries)
    rows = Delivery.objects.filter(
        need_id__in={d.need_id for d in deliveries}, confirmed_at__isnull=False
    ).values_list("pk", "need_id", "campaign_id")
    by_need, campaigns = {}, {}
    for pk, need_id, campaign_id in rows:
        by_need.setdefault(need_id, []).append(pk)
        campaigns[need_id] = campaign_id
    published = {}
    for need_id, pks in by_need.items():
        need_count = need_households(campaigns[need_id]).get(need_id, Published(0))
        if len(pks) == 1 and not need_count.withheld:
            published[pks[0]] = Published(need_count.value)
    for delivery in deliveries:
        delivery.published_households = published.get(delivery.pk, Published(None))
    return deliveries
