"""The regional overview: what every live campaign together collected and delivered.

Money stays per currency (a Tunisian dinar is never added to a Jordanian one); households
reached are the sum of what each campaign publishes, so the small-number rule holds here
too: a campaign below the threshold is counted in neither the sum nor any figure from which
its count could be derived by subtraction (it is only reported as "fewer than N"), and a sum
below the threshold is itself shown as "fewer than N".
"""

from decimal import Decimal

from wagtail.models import Locale

from campaigns.models import CampaignPage

from .aggregates import small_number_threshold, totals_for


def live_source_campaigns():
    """Live campaigns in the source language (each campaign once, whatever its translations)."""
    return list(
        CampaignPage.objects.live()
        .public()
        .filter(locale_id=Locale.get_default().pk)
        .order_by("path")
    )


def regional_overview(campaigns=None):
    """Figures across ``campaigns`` (every live campaign by default).

    Returns a dict: ``campaigns`` (count), ``countries`` (sorted ISO 3166-1 codes),
    ``money`` (a list, per ISO 4217 currency: ``currency``, ``pledged``, ``received``,
    ``distributed`` as ``Decimal`` in that currency, ``campaigns`` counting it), and
    ``households_reached`` (an int, or None when the sum is below the threshold),
    ``households_fewer_than`` (the threshold when, and only when, ``households_reached`` is
    None: the same meaning as in a campaign's figures), ``campaigns_below_threshold``
    (campaigns whose households are published only as "fewer than N" and left out of the
    sum).
    Each campaign's totals come from its cache (``totals_for``): one query per campaign
    the first time (plus one to find its source), none after.
    """
    campaigns = live_source_campaigns() if campaigns is None else campaigns
    threshold = small_number_threshold()
    money = {}
    households = 0
    below = 0
    for campaign in campaigns:
        totals = totals_for(campaign)
        for row in totals["money"]:
            entry = money.setdefault(
                row["currency"],
                {
                    "currency": row["currency"],
                    "pledged": Decimal(0),
                    "received": Decimal(0),
                    "distributed": Decimal(0),
                    "campaigns": 0,
                },
            )
            for key in ("pledged", "received", "distributed"):
                entry[key] += row[key]
            entry["campaigns"] += 1
        # None: the campaign's own figure is withheld (campaigns.tracker.disclosure).
        count = totals["households_reached"]
        if count is None or 0 < count < threshold:
            below += 1
        else:
            households += count
    shown = households if not (0 < households < threshold) else None
    return {
        "campaigns": len(campaigns),
        "countries": sorted({c.country for c in campaigns}),
        "money": [money[code] for code in sorted(money)],
        "households_reached": shown,
        # Set only when the sum itself is withheld, as for every other figure.
        "households_fewer_than": threshold if shown is None else None,
        "campaigns_below_threshold": below,
    }
