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

This module is the tracker's figures as callers see them: the campaign totals and one
need's figures live here; the groupings in ``grouped``, the households per need in
``households`` and the shared expressions in ``sums``, all re-exported.
"""

from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce

from .disclosure import counted, publish_count, small_number_threshold
from .grouped import GROUPS, NEED_KEYS, region_table, totals_by
from .households import (
    NEED_FIELDS,
    disclose_deliveries,
    disclose_needs,
    need_households,
    need_row,
    need_rows,
)
from .models import ContributionStatus, Need
from .models.choices import COUNTED_AS_RECEIVED
from .models.tally import ContributionTally, DeliveryTally
from .services.common import source_of
from .sums import (
    DECIMAL,
    ZERO,
    add_contribution_row,
    add_delivery_row,
    add_needs_row,
    cached,
    contribution_sums,
    delivered_subquery,
    delivery_sums,
    empty_figures,
    met_percent,
    needs_stats,
    percent,
    source_campaign_id,
    source_needs,
)

__all__ = [  # re-exported: callers read the figures (and the threshold) here
    "GROUPS",
    "NEED_KEYS",
    "disclose_deliveries",
    "disclose_needs",
    "need_figures",
    "need_households",
    "region_table",
    "small_number_threshold",
    "source_campaign_id",
    "source_needs",
    "totals_by",
    "totals_for",
    "with_figures",
]


def _compute_totals(campaign_id):
    figures = empty_figures()
    contributions, by_unit, per_need, needs = _tally_rows(campaign_id)
    for row in contributions:  # one row per currency or unit
        add_contribution_row(figures, row)
    for row in by_unit:
        add_delivery_row(figures, row)
    add_needs_row(figures, needs)
    rows = need_rows(campaign_id, computed=lambda: per_need)
    households, left_out = counted(row["households"] for row in rows)
    figures["households_reached"], figures["households_fewer_than"] = publish_count(households)
    figures["households_not_counted"] = left_out
    return figures


# The columns of ``_tally_rows``' three parts, in one order: a UNION matches them by place.
_CONTRIBUTION_COLUMNS = ("pledged", "received", "distributed", "count")
_DELIVERY_COLUMNS = ("delivered", "households", "deliveries", "awaiting", "confirmed_tallies")
_NEEDS_COLUMNS = tuple(needs_stats())  # needs, open, met, closed, percent_met
_KEY_COLUMNS = ("kind", "currency", "unit", *NEED_FIELDS)
_TALLY_COLUMNS = (
    "half", *_KEY_COLUMNS, *_CONTRIBUTION_COLUMNS, *_DELIVERY_COLUMNS, *_NEEDS_COLUMNS
)  # fmt: skip


def _tally_rows(campaign_id):
    """The contribution sums per kind and currency or unit, the delivered sums per unit or
    currency, the households per need and the needs' counts and mean percent met, from one
    query: a UNION ALL of the contribution tallies grouped by currency or unit (``half`` 0),
    the delivery tallies grouped by need (1: each need has one unit or currency, so a unit's
    sums are its needs') and one aggregate row over the campaign's source needs (2: present
    even when there are none, as an aggregate without GROUP BY always is).

    Returns ``(contributions, by_unit, per_need, needs)``, ``needs`` a ``needs_stats`` row.
    """
    text, number = Value(None, output_field=CharField()), Value(None, output_field=DECIMAL)
    whole = Value(None, output_field=IntegerField())
    # PostgreSQL types a UNION's columns two parts at a time: a column that only the last
    # part fills must be typed in the first (an untyped NULL in both would be text).
    typed_whole = Cast(whole, IntegerField())
    typed_number = Cast(number, DECIMAL)
    given = (
        ContributionTally.objects.filter(campaign_id=campaign_id)
        .values("kind", "currency", "unit")
        .annotate(**contribution_sums())
        .values(
            **_aliased(
                half=Value(0),
                kind=F("kind"),
                currency=F("currency"),
                unit=F("unit"),
                need=whole,
                need__category=text,
                need__region=whole,
                need__partner=whole,
                **{name: F(name) for name in _CONTRIBUTION_COLUMNS},
                **dict.fromkeys(("delivered",), number),
                **dict.fromkeys(_DELIVERY_COLUMNS[1:], whole),
                **dict.fromkeys(_NEEDS_COLUMNS[:-1], typed_whole),
                percent_met=typed_number,
            )
        )
    )
    delivered = (
        DeliveryTally.objects.filter(campaign_id=campaign_id)
        .values("need__currency", "need__unit", *NEED_FIELDS)
        .annotate(**delivery_sums(), confirmed_tallies=Count("pk", filter=Q(confirmed=True)))
        .values(
            **_aliased(
                half=Value(1),
                kind=text,
                currency=F("need__currency"),
                unit=F("need__unit"),
                **{name: F(name) for name in NEED_FIELDS},
                **dict.fromkeys(_CONTRIBUTION_COLUMNS[:3], number),
                count=whole,
                **{name: F(name) for name in _DELIVERY_COLUMNS},
                **dict.fromkeys(_NEEDS_COLUMNS[:-1], whole),
                percent_met=number,
            )
        )
    )
    # Grouped by a constant alone, which is no grouping column: one row over all the needs,
    # the figures ``aggregate(**needs_stats())`` gives (unordered: SQLite refuses an ORDER
    # BY inside a UNION's part).
    needs = (
        source_needs(campaign_id)
        .annotate(percent=met_percent())
        .order_by()
        .values(all_needs=Value(2))
        .annotate(**needs_stats())
        .values(
            **_aliased(
                half=F("all_needs"),
                **dict.fromkeys(_KEY_COLUMNS[:3], text),
                need=whole,
                need__category=text,
                need__region=whole,
                need__partner=whole,
                **dict.fromkeys(_CONTRIBUTION_COLUMNS[:3], number),
                count=whole,
                delivered=number,
                **dict.fromkeys(_DELIVERY_COLUMNS[1:], whole),
                **{name: F(name) for name in _NEEDS_COLUMNS},
            )
        )
    )
    contributions, by_unit, per_need, stats = [], {}, [], None
    # Contributions first, each half in the database's order of kinds, units and currencies;
    # the needs' row last.
    parts = given.union(delivered, needs, all=True)
    for values in parts.order_by(*(f"t_{n}" for n in _TALLY_COLUMNS[:5])):
        row = {name: values[f"t_{name}"] for name in _TALLY_COLUMNS}
        if row["half"] == 0:
            contributions.append(row)
            continue
        if row["half"] == 2:
            stats = row
            continue
        row = {
            **row,
            "need__currency": row["currency"],
            "need__unit": row["unit"],
        }
        key = (row["need__currency"], row["need__unit"])
        unit = by_unit.setdefault(key, {"need__currency": key[0], "need__unit": key[1]})
        for name in ("delivered", "households", "deliveries", "awaiting"):
            unit[name] = unit.get(name, 0) + row[name]
        if row["confirmed_tallies"]:
            per_need.append(need_row(row))
    per_need.sort(key=lambda row: (row["pk"] is not None, row["pk"] or 0))
    return contributions, list(by_unit.values()), per_need, stats


def _aliased(**columns):
    """``columns`` under names no model field has (``t_<name>``), in the order given."""
    return {f"t_{name}": expression for name, expression in columns.items()}


def totals_for(campaign, translations=()):
    """A campaign's totals (any translation of it gives the same figures).

    Returns a dict: ``contributions`` (count, not cancelled), ``money`` (per currency:
    pledged, received, distributed, count), ``in_kind`` (the same per unit), ``delivered``
    (confirmed, per unit or currency), ``households_reached``, ``deliveries``,
    ``deliveries_awaiting_confirmation``, ``needs`` (total, open, met, closed) and
    ``percent_met`` (the mean over needs of what was delivered, each capped at 100).
    One query, the UNION ALL of ``_tally_rows`` (plus one the first time the campaign is
    asked for, unless ``translations``, pages of its translation group with their locales,
    hold its source), then cached.
    """
    campaign_id = source_campaign_id(campaign, translations)
    return cached(campaign_id, "totals", lambda: _compute_totals(campaign_id))


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
        delivered=Coalesce(delivered_subquery(), ZERO, output_field=DECIMAL),
        households_exact=Coalesce(households, 0),
    ).annotate(
        percent_received=percent(F("received"), F("quantity")),
        percent_met=percent(F("delivered"), F("quantity")),
    )


def need_figures(need):
    """One need's public figures (a dict shaped like one row of ``with_figures``, with
    ``households_reached`` and ``households_fewer_than`` disclosed as in ``disclose_needs``)."""
    need = source_of(need)
    row = with_figures(Need.objects.filter(pk=need.pk)).get()
    disclose_needs([row])
    names = ("pledged", "received", "delivered", "households_reached", "households_fewer_than",
             "contributions_count", "percent_received", "percent_met")  # fmt: skip
    return {name: getattr(row, name) for name in names}
