"""A campaign's figures per category, region, partner or need, and its region table.

Each grouping is a handful of aggregate queries (the same sums as the campaign totals,
grouped), cached per campaign until an entry changes. Households are always grouped by the
need's own attributes, so each group's figure is a sum of published needs (``disclosure``).
"""

from decimal import Decimal

from django.db.models import Avg, Count

from .disclosure import counted, publish_count
from .households import need_rows
from .models.tally import ContributionTally, DeliveryTally
from .sums import (
    ZERO,
    add_contribution_row,
    add_delivery_row,
    add_needs_row,
    cached,
    contribution_sums,
    delivery_sums,
    empty_figures,
    met_percent,
    needs_stats,
    source_campaign_id,
    source_needs,
)

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


def _compute_grouped(campaign_id, group):
    c_field, d_field, n_field = GROUPS[group]
    result = {}

    def figures(key):
        return result.setdefault(key, empty_figures())

    rows = (
        ContributionTally.objects.filter(campaign_id=campaign_id)
        .values(c_field, "kind", "currency", "unit")
        .annotate(**contribution_sums())
        .order_by(c_field, "kind", "currency", "unit")
    )
    for row in rows:
        add_contribution_row(figures(row[c_field]), row)
    rows = (
        DeliveryTally.objects.filter(campaign_id=campaign_id)
        .values(d_field, "need__unit", "need__currency")
        .annotate(**delivery_sums())
        .order_by(d_field, "need__currency", "need__unit")
    )
    for row in rows:
        add_delivery_row(figures(row[d_field]), row)
    rows = (
        source_needs(campaign_id)
        .annotate(percent=met_percent())
        .values(n_field)
        .annotate(**needs_stats())
        .order_by(n_field)
    )
    for row in rows:
        add_needs_row(figures(row[n_field]), row)
    _publish_groups(campaign_id, group, result, figures)
    return result


def _publish_groups(campaign_id, group, result, figures):
    """Each group's households: the sum of its published needs (by the need's attribute)."""
    for entry in result.values():
        entry["households_reached"], entry["households_not_counted"] = 0, 0
    parts = {}
    for row in need_rows(campaign_id):
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
        .annotate(percent=met_percent())
        .values("region")
        .annotate(needs=Count("pk"), percent_met=Avg("percent"))
        .order_by("region")
    }
    parts = {}
    for row in need_rows(campaign_id):  # by the need's region: a sum of published needs
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
