"""What the campaign totals and the groupings share: the source campaign and its needs,
the aggregate expressions, and the folding of result rows.

Each sums function gives the database the sums of one table (contribution tallies, delivery
tallies, needs); each ``add_*_row`` folds one result row into a figures dict shaped like
``totals_for``'s.
"""

from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from portal import caching

from .models import ContributionKind, ContributionStatus, Need, NeedStatus
from .models.choices import COUNTED_AS_RECEIVED
from .models.tally import TOTAL, DeliveryTally

ZERO = Decimal(0)
DECIMAL = DecimalField(**TOTAL)


def cached(campaign_id, name, compute):
    """``compute()`` (a campaign's figures), kept until they change: ``portal.caching.cached``
    under the ``campaign:<id>`` scope, which ``signals.invalidate`` bumps, for
    ``TRACKER_CACHE_SECONDS`` (0, the default without a cache every process shares: computed
    once per request)."""
    return caching.cached(f"campaign:{campaign_id}", name, compute, settings.TRACKER_CACHE_SECONDS)


def source_campaign_id(campaign, translations=()):
    """The id of the campaign every figure is recorded against (its source page).

    The source is chosen as ``source_of`` chooses it (the default locale's member of the
    translation group, else the earliest created), then cached: a page's translation group
    and locale never change. Not cached yet, it is read from ``translations`` (pages already
    fetched with their locale, for example the page's live translations) when they hold the
    default locale's member, else found in one query whatever the campaign's language.
    """
    key = f"tracker:source-campaign:{campaign.pk}"
    found = cache.get(key)
    if found is None:
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        found = next(
            (
                page.pk
                for page in translations
                if page.translation_key == campaign.translation_key
                and page.locale.language_code == default
            ),
            None,
        )
        if found is None:
            first = Case(
                When(locale__language_code=default, then=Value(0)),
                default=1,
                output_field=IntegerField(),
            )
            found = (
                Page.objects.filter(translation_key=campaign.translation_key)
                .order_by(first, "pk")
                .values_list("pk", flat=True)
                .first()
            )
        cache.set(key, found, None)
    return found


def contribution_sums():
    """Per group of contribution tallies: ``pledged``, ``received`` (received + distributed),
    ``distributed`` and ``count`` (not cancelled)."""
    counted = Q(status__in=COUNTED_AS_RECEIVED)
    return {
        "pledged": Coalesce(Sum("total", filter=Q(status=ContributionStatus.PLEDGED)), ZERO),
        "received": Coalesce(Sum("total", filter=counted), ZERO),
        "distributed": Coalesce(
            Sum("total", filter=Q(status=ContributionStatus.DISTRIBUTED)), ZERO
        ),
        "count": Coalesce(Sum("count", filter=~Q(status=ContributionStatus.CANCELLED)), 0),
    }


def delivery_sums():
    """Per group of delivery tallies: ``delivered``, ``households`` and ``deliveries``
    (confirmed), ``awaiting`` (deliveries not yet confirmed)."""
    return {
        "delivered": Coalesce(Sum("quantity", filter=Q(confirmed=True)), ZERO),
        "households": Coalesce(Sum("households", filter=Q(confirmed=True)), 0),
        "deliveries": Coalesce(Sum("count", filter=Q(confirmed=True)), 0),
        "awaiting": Coalesce(Sum("count", filter=Q(confirmed=False)), 0),
    }


def delivered_subquery():
    """The confirmed quantity delivered toward the outer need (``NULL`` when none)."""
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


def percent(part, whole):
    """``part`` as a percentage of ``whole``, capped at 100 (see ``CappedPercent``)."""
    return CappedPercent(part, whole)


def met_percent():
    """The outer need's confirmed deliveries as a percentage of its quantity (capped)."""
    return percent(Coalesce(delivered_subquery(), ZERO), F("quantity"))


def empty_figures(extra=None):
    """A figures dict with nothing counted yet (the shape of ``totals_for``'s result)."""
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


def add_contribution_row(figures, row):
    """Fold one row of ``contribution_sums`` (one currency or unit) into ``figures``."""
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


def add_delivery_row(figures, row):
    """Fold one row of ``delivery_sums`` (one unit or currency) into ``figures``."""
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


def add_needs_row(figures, row):
    """Set ``figures``' needs counts and mean ``percent_met`` from one ``needs_stats`` row."""
    figures["needs"] = {
        "total": row["needs"],
        "open": row["open"],
        "met": row["met"],
        "closed": row["closed"],
    }
    figures["percent_met"] = (row["percent_met"] or ZERO).quantize(Decimal("0.1"))


def needs_stats():
    """Over needs annotated with ``percent``: their count per status and the mean percent."""
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
