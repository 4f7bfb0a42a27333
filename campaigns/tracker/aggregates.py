"""The tracker's figures: per campaign, need, category, region and partner.

Everything is computed by aggregate queries over the running totals (``ContributionTally``,
``DeliveryTally``), never by adding rows up in Python, and cached per campaign until an
entry changes. Pledges are reported apart and never counted as received; only confirmed
deliveries count as delivered; money is summed per currency, goods per unit.

Households reached leave this module only through ``disclosure``: a need with 1 to 9
households is shown as "fewer than 10" and left out of every aggregate; every aggregate is
the sum of the published needs it is made of, grouped by the need's own category, region
and partner (``households_not_counted`` says how many needs were left out). Needs get
theirs from ``disclose_needs``; ``with_figures`` alone gives ``households_exact`` (never
public).
"""

from decimal import Decimal

from django.core.cache import cache
from django.db.models import (
    Avg,
    Count,
    DecimalField,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from .cache import cached
from .disclosure import Count as Published
from .disclosure import counted, publish_cells, publish_count, small_number_threshold
from .models import ContributionKind, ContributionStatus, Need, NeedStatus
from .models.choices import COUNTED_AS_RECEIVED
from .models.tally import TOTAL, ContributionTally, DeliveryTally
from .services.common import default_locale_id, source_of

ZERO = Decimal(0)
DECIMAL = DecimalField(**TOTAL)
GROUPS = {
    # grouping → (field on contribution tallies, field on delivery tallies, field on needs)
    "category": ("need__category", "need__category", "category"),
    "region": ("need__region", "region", "region"),
    "partner": ("partner", "partner", "partner"),
    "need": ("need", "need", "pk"),
}
# Households are grouped by the need's own attributes (a partition of needs), never by the
# delivery's: each group's figure is then a sum of published needs (see ``disclosure``).
NEED_KEYS = {"category": "category", "region": "region_id", "partner": "partner_id", "need": "pk"}


__all__ = ["small_number_threshold"]  # re-exported: callers read the threshold here


def source_campaign_id(campaign):
    """The id of the campaign every figure is recorded against (its source page)."""
    if campaign.locale_id == default_locale_id():
        return campaign.pk
    key = f"tracker:source-campaign:{campaign.pk}"
    found = cache.get(key)
    if found is None:
        found = source_of(campaign).pk
        cache.set(key, found, None)
    return found


def _contribution_sums():
    counted = Q(status__in=COUNTED_AS_RECEIVED)
    return {
        "pledged": Coalesce(Sum("total", filter=Q(status=ContributionStatus.PLEDGED)), ZERO),
        "received": Coalesce(Sum("total", filter=counted), ZERO),
        "distributed": Coalesce(
            Sum("total", filter=Q(status=ContributionStatus.DISTRIBUTED)), ZERO
        ),
        "count": Coalesce(Sum("count", filter=~Q(status=ContributionStatus.CANCELLED)), 0),
    }


def _delivery_sums():
    return {
        "delivered": Coalesce(Sum("quantity", filter=Q(confirmed=True)), ZERO),
        "households": Coalesce(Sum("households", filter=Q(confirmed=True)), 0),
        "deliveries": Coalesce(Sum("count", filter=Q(confirmed=True)), 0),
        "awaiting": Coalesce(Sum("count", filter=Q(confirmed=False)), 0),
    }


def _delivered_subquery():
    return Subquery(
        DeliveryTally.objects.filter(need=OuterRef("pk"), confirmed=True)
        .values("need")
        .annotate(s=Sum("quantity"))
        .values("s")[:1],
        output_field=DECIMAL,
    )


class CappedPercent(Func):
    """part × 100 / whole, at most 100, computed exactly (numeric) by the database.

    The literal ``100.0`` keeps SQLite from integer division; PostgreSQL treats it as numeric.
    """

    arg_joiner = " * 100.0 / "
    template = "LEAST((%(expressions)s), 100)"
    output_field = DECIMAL

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="MIN((%(expressions)s), 100)", **extra_context
        )


def _percent(part, whole):
    return CappedPercent(part, whole)


def _empty(extra=None):
    figures = {
        "contributions": 0,
        "money": [],
        "in_kind": [],
        "delivered": [],
        "households_reached": 0,
        "households_fewer_than": None,
        "households_not_counted": 0,
        "deliveries": 0,
        "deliveries_awaiting_confirmation": 0,
        "needs": {"total": 0, "open": 0, "met": 0, "closed": 0},
        "percent_met": ZERO,
    }
    figures.update(extra or {})
    return figures


def _add_contribution_row(figures, row):
    entry = {
        "pledged": row["pledged"].normalize() + 0,
        "received": row["received"].normalize() + 0,
        "distributed": row["distributed"].normalize() + 0,
        "count": row["count"],
    }
    if row["kind"] == ContributionKind.CASH:
        figures["money"].append({"currency": row["currency"], **entry})
    else:
        figures["in_kind"].append({"unit": row["unit"], **entry})
    figures["contributions"] += row["count"]


def _add_delivery_row(figures, row):
    if row["delivered"]:
        figures["delivered"].append(
            {
                "unit": row["need__unit"],
                "currency": row["need__currency"],
                "quantity": row["delivered"].normalize() + 0,
            }
        )
    figures["households_reached"] += row["households"]
    figures["deliveries"] += row["deliveries"]
    figures["deliveries_awaiting_confirmation"] += row["awaiting"]


def _add_needs_row(figures, row):
    figures["needs"] = {
        "total": row["needs"],
        "open": row["open"],
        "met": row["met"],
        "closed": row["closed"],
    }
    figures["percent_met"] = (row["percent_met"] or ZERO).quantize(Decimal("0.1"))


def _needs_stats():
    return {
        "needs": Count("pk"),
        "open": Count("pk", filter=Q(status=NeedStatus.OPEN)),
        "met": Count("pk", filter=Q(status=NeedStatus.MET)),
        "closed": Count("pk", filter=Q(status=NeedStatus.CLOSED)),
        "percent_met": Avg("percent"),
    }


def source_needs(campaign_id):
    """The campaign's needs that carry figures: one per translation group (the source)."""
    return Need.objects.filter(campaign_id=campaign_id, locale_id=F("campaign__locale_id"))


def _compute_totals(campaign_id):
    figures = _empty()
    rows = (
        ContributionTally.objects.filter(campaign_id=campaign_id)
        .values("kind", "currency", "unit")
        .annotate(**_contribution_sums())
        .order_by("kind", "currency", "unit")
    )
    for row in rows:  # one row per currency or unit
        _add_contribution_row(figures, row)
    rows = (
        DeliveryTally.objects.filter(campaign_id=campaign_id)
        .values("need__unit", "need__currency")
        .annotate(**_delivery_sums())
        .order_by("need__currency", "need__unit")
    )
    for row in rows:
        _add_delivery_row(figures, row)
    needs = (
        source_needs(campaign_id)
        .annotate(percent=_percent(Coalesce(_delivered_subquery(), ZERO), F("quantity")))
        .aggregate(**_needs_stats())
    )
    _add_needs_row(figures, needs)
    households, left_out = counted(row["households"] for row in _need_rows(campaign_id))
    figures["households_reached"], figures["households_fewer_than"] = publish_count(households)
    figures["households_not_counted"] = left_out
    return figures


def totals_for(campaign):
    """A campaign's totals (any translation of it gives the same figures).

    Returns a dict: ``contributions`` (count, not cancelled), ``money`` (per currency:
    pledged, received, distributed, count), ``in_kind`` (the same per unit), ``delivered``
    (confirmed, per unit or currency), ``households_reached``, ``deliveries``,
    ``deliveries_awaiting_confirmation``, ``needs`` (total, open, met, closed) and
    ``percent_met`` (the mean over needs of what was delivered, each capped at 100).
    At most 3 queries (plus one the first time a translation is asked for), then cached.
    """
    campaign_id = source_campaign_id(campaign)
    return cached(campaign_id, "totals", lambda: _compute_totals(campaign_id))


def _compute_grouped(campaign_id, group):
    c_field, d_field, n_field = GROUPS[group]
    result = {}

    def figures(key):
        return result.setdefault(key, _empty())

    rows = (
        ContributionTally.objects.filter(campaign_id=campaign_id)
        .values(c_field, "kind", "currency", "unit")
        .annotate(**_contribution_sums())
        .order_by(c_field, "kind", "currency", "unit")
    )
    for row in rows:
        _add_contribution_row(figures(row[c_field]), row)
    rows = (
        DeliveryTally.objects.filter(campaign_id=campaign_id)
        .values(d_field, "need__unit", "need__currency")
        .annotate(**_delivery_sums())
        .order_by(d_field, "need__currency", "need__unit")
    )
    for row in rows:
        _add_delivery_row(figures(row[d_field]), row)
    rows = (
        source_needs(campaign_id)
        .annotate(percent=_percent(Coalesce(_delivered_subquery(), ZERO), F("quantity")))
        .values(n_field)
        .annotate(**_needs_stats())
        .order_by(n_field)
    )
    for row in rows:
        _add_needs_row(figures(row[n_field]), row)
    _publish_groups(campaign_id, group, result, figures)
    return result


def _publish_groups(campaign_id, group, result, figures):
    """Each group's households: the sum of its published needs (by the need's attribute)."""
    for entry in result.values():
        entry["households_reached"], entry["households_not_counted"] = 0, 0
    parts = {}
    for row in _need_rows(campaign_id):
        parts.setdefault(row[NEED_KEYS[group]], []).append(row["households"])
    for key, counts in parts.items():
        entry = figures(key)
        households, left_out = counted(counts)
        entry["households_reached"], entry["households_fewer_than"] = publish_count(households)
        entry["households_not_counted"] = left_out
        if group == "need" and left_out:  # the need itself: "fewer than 10"
            entry["households_reached"], entry["households_fewer_than"] = publish_count(counts[0])


def _grouped(campaign_id, group):
    return cached(campaign_id, f"by-{group}", lambda: _compute_grouped(campaign_id, group))


def totals_by(campaign, group):
    """A campaign's figures per ``group`` ("category", "region", "partner" or "need").

    Returns ``{key: figures}`` where key is the category value, the region id, the (source)
    partner id or the need id (``None`` for gifts toward no need), and figures are shaped
    like ``totals_for``'s. For regions, contributions count through their need's region and
    deliveries through the delivery's own region; households always through the need's own
    region, category and partner (sums of published needs, see ``disclosure``). Four
    queries, then cached.
    """
    if group not in GROUPS:
        raise ValueError(f"Unknown grouping {group!r}; choose one of {sorted(GROUPS)}")
    return _grouped(source_campaign_id(campaign), group)


def _compute_region_table(campaign_id):
    rows = {
        row["region"]: {"needs": row["needs"], "percent_met": row["percent_met"], "households": 0}
        for row in source_needs(campaign_id)
        .annotate(percent=_percent(Coalesce(_delivered_subquery(), ZERO), F("quantity")))
        .values("region")
        .annotate(needs=Count("pk"), percent_met=Avg("percent"))
        .order_by("region")
    }
    parts = {}
    for row in _need_rows(campaign_id):  # by the need's region: a sum of published needs
        parts.setdefault(row["region_id"], []).append(row["households"])
    for region, counts in parts.items():
        entry = rows.setdefault(region, {"needs": 0, "percent_met": ZERO, "households": 0})
        households, entry["households_not_counted"] = counted(counts)
        entry["households"], entry["households_fewer_than"] = publish_count(households)
    for entry in rows.values():
        entry["percent_met"] = (entry["percent_met"] or ZERO).quantize(Decimal("0.1"))
        entry.setdefault("households_fewer_than", None)
        entry.setdefault("households_not_counted", 0)
    return rows


def region_table(campaign):
    """Per region id: ``needs`` (count), ``percent_met`` (mean, capped per need),
    ``households`` (the published needs of that region: see ``disclosure``) and
    ``households_not_counted`` (its needs left out, 1 to 9 each). Two queries, then cached."""
    campaign_id = source_campaign_id(campaign)
    return cached(campaign_id, "region-table", lambda: _compute_region_table(campaign_id))


def with_figures(needs):
    """Annotate a queryset of (source) needs with their figures, in the same query.

    Adds ``pledged``, ``received`` (received + distributed), ``delivered`` (confirmed),
    ``households_exact`` (never public: pass the needs through ``disclose_needs`` for
    ``households_reached``), ``contributions_count``, ``percent_received`` and
    ``percent_met`` (delivered / target, capped at 100). Quantities are in the need's unit,
    or its currency for a cash need.
    """

    def contribution_sum(status_filter, field="total"):
        return Coalesce(
            Subquery(
                ContributionTally.objects.filter(status_filter, need=OuterRef("pk"))
                .values("need")
                .annotate(s=Sum(field))
                .values("s")[:1]
            ),
            Value(0) if field == "count" else ZERO,
            output_field=DECIMAL if field != "count" else None,
        )

    households = Subquery(
        DeliveryTally.objects.filter(need=OuterRef("pk"), confirmed=True)
        .values("need")
        .annotate(s=Sum("households"))
        .values("s")[:1]
    )
    return needs.annotate(
        pledged=contribution_sum(Q(status=ContributionStatus.PLEDGED)),
        received=contribution_sum(Q(status__in=COUNTED_AS_RECEIVED)),
        contributions_count=contribution_sum(~Q(status=ContributionStatus.CANCELLED), "count"),
        delivered=Coalesce(_delivered_subquery(), ZERO, output_field=DECIMAL),
        households_exact=Coalesce(households, 0),
    ).annotate(
        percent_received=_percent(F("received"), F("quantity")),
        percent_met=_percent(F("delivered"), F("quantity")),
    )


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

    A confirmed delivery is a part of its need's count: when that count is published, the
    need's confirmed deliveries are suppressed together (their withheld part holds 0 or ≥ 10
    households); when it is withheld, so are all its deliveries' (else they would split it).
    A delivery awaiting confirmation counts nowhere and its households are not published.
    """
    from .models import Delivery

    deliveries = list(deliveries)
    rows = Delivery.objects.filter(
        need_id__in={d.need_id for d in deliveries}, confirmed_at__isnull=False
    ).values_list("pk", "need_id", "campaign_id", "households_reached")
    by_need, campaigns = {}, {}
    for pk, need_id, campaign_id, households in rows:
        by_need.setdefault(need_id, {})[pk] = households
        campaigns[need_id] = campaign_id
    published = {}
    for need_id, cells in by_need.items():
        need_count = need_households(campaigns[need_id]).get(need_id, Published(0))
        if need_count.withheld:
            hidden = {pk: Published(None, publish_count(n).fewer_than) for pk, n in cells.items()}
            published.update(hidden)
        else:
            published.update(publish_cells(cells))
    for delivery in deliveries:
        delivery.published_households = published.get(
            delivery.pk, Published(None, publish_count(delivery.households_reached).fewer_than)
        )
    return deliveries


def _need_rows(campaign_id):
    """Per need with confirmed deliveries: ``{"pk", "category", "region_id", "partner_id",
    "households"}`` (exact, never public), in one query, cached."""

    def compute():
        rows = (
            DeliveryTally.objects.filter(campaign_id=campaign_id, confirmed=True)
            .values("need", "need__category", "need__region", "need__partner")
            .annotate(n=Sum("households"))
            .order_by("need")
        )
        return [
            {
                "pk": row["need"],
                "category": row["need__category"],
                "region_id": row["need__region"],
                "partner_id": row["need__partner"],
                "households": row["n"] or 0,
            }
            for row in rows
        ]

    return cached(campaign_id, "need-rows", compute)


def need_households(campaign_id):
    """``{need id: Count}``: each need's households as published (``publish_count``)."""
    return {row["pk"]: publish_count(row["households"]) for row in _need_rows(campaign_id)}


def need_figures(need):
    """One need's public figures (a dict shaped like one row of ``with_figures``, with
    ``households_reached`` and ``households_fewer_than`` disclosed as in ``disclose_needs``)."""
    need = source_of(need)
    row = with_figures(Need.objects.filter(pk=need.pk)).get()
    disclose_needs([row])
    names = ("pledged", "received", "delivered", "households_reached", "households_fewer_than",
             "contributions_count", "percent_received", "percent_met")  # fmt: skip
    return {name: getattr(row, name) for name in names}
