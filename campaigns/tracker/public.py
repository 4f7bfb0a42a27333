"""What the public pages show: localized needs, the daily chart series, the donors' wall.

Every function here costs a fixed number of queries whatever the number of needs or gifts.
"""

import datetime
import zoneinfo

from django.db.models import Count, F, Sum, Value
from django.db.models.functions import TruncDate

from campaigns.models import CampaignPage, PartnerPage
from home.private_pages import restricted
from portal.localization.locales import language_for_locale_id

from .aggregates import (
    disclose_needs,
    need_households,
    source_campaign_id,
    source_needs,
    totals_for,
    with_figures,
)
from .disclosure import day_buckets, publish_count
from .models import Contribution, ContributionStatus, Delivery, Need
from .models.choices import COUNTED_AS_RECEIVED
from .sums import cached


def campaign_in_language(slug, language):
    """The live campaign page with this slug in the visitor's language (or ``None``)."""
    return (
        CampaignPage.objects.live()
        .exclude(restricted())  # a private campaign's views are not for every visitor
        .filter(slug=slug, locale__language_code=language)
        .select_related("locale")
        .first()
    )


def public_needs(campaign, filters=None):
    """The campaign's source needs with their figures, filtered (region, category, status,
    urgency), ordered by region then category then deadline."""
    needs = source_needs(source_campaign_id(campaign)).select_related("region", "partner")
    for name, value in (filters or {}).items():
        if value:
            needs = needs.filter(**{name: value})
    return with_figures(needs).order_by(
        "region__sort_order", "region__code", "category", "deadline", "pk"
    )


def localize(needs, locale):
    """Give each need ``display_title``, ``display_description`` and ``partner_name`` in
    ``locale`` (a Locale or its id), falling back to the source text: two queries. Each
    also gets its public ``households_reached`` (``aggregates.disclose_needs``)."""
    needs = disclose_needs(needs)
    texts, partners = {}, {}
    if locale is not None and needs:
        texts = {
            t.translation_key: t
            for t in Need.objects.filter(
                translation_key__in=[n.translation_key for n in needs], locale=locale
            ).only("translation_key", "title", "description", "locale_id")
        }
        partners = dict(
            PartnerPage.objects.filter(
                translation_key__in={n.partner.translation_key for n in needs}, locale=locale
            ).values_list("translation_key", "title")
        )
    for need in needs:
        translation = texts.get(need.translation_key)
        need.display_title = translation.title if translation else need.title
        need.display_description = translation.description if translation else need.description
        # Untranslated text is shown in the source language and marked so (lang/dir).
        need.content_language = language_for_locale_id(
            translation.locale_id if translation else need.locale_id
        )
        need.partner_name = partners.get(need.partner.translation_key, need.partner.title)
    return needs


def campaign_days(campaign):
    """The campaign's days so far (all of them once it is over)."""
    last = min(campaign.end_date, max(campaign.local_today(), campaign.start_date))
    count = (last - campaign.start_date).days + 1
    return [campaign.start_date + datetime.timedelta(days=i) for i in range(count)]


def _daily(campaign_id, days, time_zone):
    # One query: gifts received per day and confirmed deliveries per day, as a UNION. A gift's
    # day is its date in the campaign's time zone (00:30 in Amman on 2 January is 2 January).
    zone = zoneinfo.ZoneInfo(time_zone)
    first = datetime.datetime.combine(days[0], datetime.time(), tzinfo=zone)
    after_last = datetime.datetime.combine(
        days[-1] + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
    )
    received = (
        Contribution.objects.filter(
            campaign_id=campaign_id,
            status__in=COUNTED_AS_RECEIVED,
            received_at__gte=first,
            received_at__lt=after_last,
        )
        .annotate(day=TruncDate("received_at", tzinfo=zone))
        .values("day")
        .annotate(received=Count("pk"), delivered=Value(0), households=Value(0))
        .order_by()
    )
    delivered = (
        Delivery.objects.filter(
            campaign_id=campaign_id,
            confirmed_at__isnull=False,
            delivered_on__gte=days[0],
            delivered_on__lte=days[-1],
        )
        .annotate(day=F("delivered_on"))
        .values("day")
        .annotate(received=Value(0), delivered=Count("pk"), households=Value(0))
        .order_by()
    )
    by_day = {day: {"received": 0, "delivered": 0, "households": 0} for day in days}
    for day, n_received, n_delivered, _none in received.union(delivered, all=True).values_list(
        "day", "received", "delivered", "households"
    ):
        if isinstance(day, str):
            day = datetime.date.fromisoformat(day)
        entry = by_day.get(day)
        if entry is not None:
            entry["received"] += n_received or 0
            entry["delivered"] += n_delivered or 0
    _add_households(campaign_id, days, by_day)
    return [{"day": day, **by_day[day]} for day in days]


def _add_households(campaign_id, days, by_day):
    """Households per range of days, over published needs only (``disclosure``): a day
    before the campaign's first counts in the first range, one after its last in the last,
    so the ranges add up to the published total. Each row gets ``households`` and
    ``households_fewer_than`` (on a range's first day), ``households_days`` (the range's
    length, for the table's rowspan; 0 on the range's later days) and ``households_until``."""
    hidden = [pk for pk, count in need_households(campaign_id).items() if count.withheld]
    rows = (
        Delivery.objects.filter(campaign_id=campaign_id, confirmed_at__isnull=False)
        .exclude(need_id__in=hidden)
        .values("delivered_on", "need_id")
        .annotate(n=Sum("households_reached"))
        .order_by()
    )
    # Per day and need: a range closes only when each need's part in it is 0 or ≥ 10.
    households = {day: {} for day in days}
    for row in rows:
        day = min(max(row["delivered_on"], days[0]), days[-1])
        parts = households[day]
        parts[row["need_id"]] = parts.get(row["need_id"], 0) + (row["n"] or 0)
    for first, last, total in day_buckets([(day, households[day]) for day in days]):
        entry = by_day[days[first]]
        entry["households"], entry["households_fewer_than"] = publish_count(total)
        entry["households_days"] = last - first + 1
        entry["households_until"] = days[last]
        for day in days[first + 1 : last + 1]:
            by_day[day].update(
                households=None, households_fewer_than=None, households_days=0,
                households_until=days[last],
            )  # fmt: skip


def daily_series(campaign):
    """Per campaign day (dates in the campaign's time zone): gifts received and confirmed
    deliveries (counts), and households reached per range of days (see ``_add_households``)."""
    campaign_id = source_campaign_id(campaign)
    days = campaign_days(campaign)
    zone = campaign.time_zone
    key = f"daily:{days[0]}:{days[-1]}:{zone}"
    return cached(campaign_id, key, lambda: _daily(campaign_id, days, zone))


def donors_wall(campaign, limit=200):
    """Public names of donors who agreed to be named (never amounts or contacts), and how many
    gifts came from donors who stay anonymous."""
    campaign_id = source_campaign_id(campaign)

    def compute():
        gifts = Contribution.objects.filter(campaign_id=campaign_id).exclude(
            status=ContributionStatus.CANCELLED
        )
        named = gifts.filter(donor_name_public=True).exclude(donor_name="")
        names = list(
            named.order_by("-created_at", "-pk").values_list("donor_name", flat=True)[: limit + 1]
        )
        # Every gift that is not named is anonymous; count the named only past the limit.
        named_count = len(names) if len(names) <= limit else named.count()
        total = totals_for(campaign)["contributions"]
        return {"names": names[:limit], "anonymous": max(total - named_count, 0)}

    return cached(campaign_id, f"donors:{limit}", compute)
