"""What the public pages show: localized needs, the daily chart series, the donors' wall.

Every function here costs a fixed number of queries whatever the number of needs or gifts.
"""

import datetime

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.models import Locale

from campaigns.models import CampaignPage, PartnerPage

from .aggregates import source_campaign_id, source_needs, with_figures
from .cache import cached
from .models import Contribution, ContributionStatus, Delivery, Need
from .models.choices import COUNTED_AS_RECEIVED


def campaign_in_language(slug, language):
    """The live campaign page with this slug in the visitor's language (or ``None``)."""
    return (
        CampaignPage.objects.live()
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


def localize(needs, language):
    """Give each need ``display_title``, ``display_description`` and ``partner_name`` in
    the visitor's language (falling back to the source text): two queries for the page."""
    needs = list(needs)
    locale = Locale.objects.filter(language_code=language).first()
    texts, partners = {}, {}
    if locale is not None:
        texts = {
            t.translation_key: t
            for t in Need.objects.filter(
                translation_key__in=[n.translation_key for n in needs], locale=locale
            ).only("translation_key", "title", "description")
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
        need.partner_name = partners.get(need.partner.translation_key, need.partner.title)
    return needs


def campaign_days(campaign):
    """The campaign's days so far (all of them once it is over)."""
    last = min(campaign.end_date, max(timezone.localdate(), campaign.start_date))
    count = (last - campaign.start_date).days + 1
    return [campaign.start_date + datetime.timedelta(days=i) for i in range(count)]


def _daily(campaign_id, days):
    received = dict(
        Contribution.objects.filter(
            campaign_id=campaign_id,
            status__in=COUNTED_AS_RECEIVED,
            received_at__date__gte=days[0],
            received_at__date__lte=days[-1],
        )
        .annotate(day=TruncDate("received_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("day", "n")
    )
    delivered = {
        row["delivered_on"]: row
        for row in Delivery.objects.filter(
            campaign_id=campaign_id,
            confirmed_at__isnull=False,
            delivered_on__gte=days[0],
            delivered_on__lte=days[-1],
        )
        .values("delivered_on")
        .annotate(n=Count("pk"), households=Sum("households_reached"))
        .order_by()
    }
    return [
        {
            "day": day,
            "received": received.get(day, 0),
            "delivered": delivered.get(day, {}).get("n", 0),
            "households": delivered.get(day, {}).get("households", 0) or 0,
        }
        for day in days
    ]


def daily_series(campaign):
    """Per campaign day: gifts received, confirmed deliveries, households reached."""
    campaign_id = source_campaign_id(campaign)
    days = campaign_days(campaign)
    key = f"daily:{days[0]}:{days[-1]}"
    return cached(campaign_id, key, lambda: _daily(campaign_id, days))


def donors_wall(campaign, limit=200):
    """Public names of donors who agreed to be named (never amounts or contacts), and how many
    gifts came from donors who stay anonymous."""
    campaign_id = source_campaign_id(campaign)

    def compute():
        gifts = Contribution.objects.filter(campaign_id=campaign_id).exclude(
            status=ContributionStatus.CANCELLED
        )
        named = list(
            gifts.filter(donor_name_public=True)
            .exclude(donor_name="")
            .order_by("-created_at", "-pk")
            .values_list("donor_name", flat=True)[:limit]
        )
        anonymous = gifts.exclude(donor_name_public=True).count()
        return {"names": named, "anonymous": anonymous}

    return cached(campaign_id, f"donors:{limit}", compute)
