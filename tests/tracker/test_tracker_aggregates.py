"""Campaign figures: per currency, pledges apart, counted once, cached and invalidated."""

import itertools
from decimal import Decimal

from django.core.cache import cache
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from campaigns.tracker import aggregates, services
from campaigns.tracker.models import ContributionTally, DeliveryTally
from campaigns.tracker.services import tallies
from campaigns.tracker.sums import add_needs_row, met_percent, needs_stats

from .conftest import gift


def money(totals, currency):
    return next(m for m in totals["money"] if m["currency"] == currency)


def test_money_is_summed_per_currency_and_pledges_are_not_received(campaign, partner, cash_need):
    gift(cash_need, amount="100.500", status="received")
    gift(cash_need, amount="50", status="distributed")
    gift(cash_need, amount="999", status="pledged")
    gift(cash_need, amount="7", status="cancelled")
    services.record_contribution(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        kind="cash",
        amount="20.50",
        currency="EUR",
        status="received",
    )
    totals = aggregates.totals_for(campaign)
    tnd = money(totals, "TND")
    assert tnd["received"] == Decimal("150.5")
    assert tnd["pledged"] == Decimal("999")
    assert tnd["distributed"] == Decimal("50")
    assert tnd["count"] == 3  # the cancelled gift is not counted
    assert money(totals, "EUR")["received"] == Decimal("20.5")
    assert isinstance(tnd["received"], Decimal)
    assert totals["contributions"] == 4


def test_only_confirmed_deliveries_count(need, member, colleague, campaign):
    gift(need, quantity="300")
    first = services.record_delivery(
        user=member, need=need, quantity="120", delivered_on="2020-05-20", households_reached=40
    )
    services.record_delivery(
        user=member, need=need, quantity="30", delivered_on="2020-05-21", households_reached=9
    )
    totals = aggregates.totals_for(campaign)
    assert totals["households_reached"] == 0
    assert totals["deliveries_awaiting_confirmation"] == 2
    services.confirm_delivery(first, user=colleague)
    totals = aggregates.totals_for(campaign)  # the cache was invalidated by the confirmation
    assert totals["households_reached"] == 40
    assert totals["delivered"] == [{"unit": "parcel", "currency": "", "quantity": Decimal(120)}]
    assert totals["percent_met"] == Decimal("24.0")  # 120 of 500 parcels
    assert totals["needs"]["total"] == 1 and totals["needs"]["open"] == 1


def test_a_figure_counts_once_whatever_the_locale(need, campaign):
    french_need = need.copy_for_translation(Locale.objects.get(language_code="fr"))
    french_need.save()
    gift(french_need, quantity="10")
    french = campaign.get_translation(Locale.objects.get(language_code="fr"))
    english = campaign.get_translation(Locale.objects.get(language_code="en"))
    ar, fr, en = (aggregates.totals_for(c) for c in (campaign, french, english))
    assert ar == fr == en
    assert ar["needs"]["total"] == 1
    assert ar["in_kind"][0]["received"] == Decimal(10)


def test_a_translation_finds_its_source_in_the_fetched_translations_or_asks(
    need, campaign, django_assert_max_num_queries
):
    """The page's header already fetched its live translations: when the Arabic source is
    among them the figures need no query to find it; when it is not (unpublished, so not in
    a live list) the source is still the Arabic page, found by one query."""
    gift(need, quantity="10")
    french = campaign.get_translation(Locale.objects.get(language_code="fr"))
    live = list(french.get_translations(inclusive=True).live().select_related("locale"))
    with django_assert_max_num_queries(0):
        assert aggregates.source_campaign_id(french, live) == campaign.pk
    cache.clear()  # the source is kept once known
    without_source = [page for page in live if page.pk != campaign.pk]
    with django_assert_max_num_queries(1):
        assert aggregates.source_campaign_id(french, without_source) == campaign.pk
    cache.clear()
    figures = aggregates.totals_for(french, translations=without_source)
    assert figures["in_kind"][0]["received"] == Decimal(10)


def test_totals_take_one_query_then_none(
    need, campaign, colleague, member, django_assert_num_queries, django_assert_max_num_queries
):
    gift(need, quantity="10")
    delivery = services.record_delivery(
        user=member, need=need, quantity="4", delivered_on="2020-05-20", households_reached=33
    )
    services.confirm_delivery(delivery, user=colleague)
    cache.clear()
    aggregates.source_campaign_id(campaign)
    # The contributions' sums, the deliveries' sums with the households per need (a need
    # under 10 is left out of every total) and the needs' counts: one query (it was two).
    with django_assert_num_queries(1):
        figures = aggregates.totals_for(campaign)
    assert figures["in_kind"][0]["received"] == 10 and figures["contributions"] == 1
    assert figures["delivered"][0]["quantity"] == 4 and figures["households_reached"] == 33
    assert figures["needs"]["total"] == 1 and figures["percent_met"] == Decimal("0.8")
    with django_assert_max_num_queries(0):
        assert aggregates.totals_for(campaign) == figures


def needs_figures_of_an_aggregate(campaign):
    """The needs' counts and mean percent met as one aggregate over the source needs gives
    them (the query ``totals_for`` made of its own before they joined its UNION)."""
    figures = {}
    needs = aggregates.source_needs(campaign.pk).annotate(percent=met_percent())
    add_needs_row(figures, needs.aggregate(**needs_stats()))
    return figures


def test_the_needs_figures_come_in_the_same_query_as_the_sums(
    campaign, partner, kasserine, sfax, member, colleague, django_assert_num_queries
):
    """No needs, needs with no entries, several units and currencies, met and closed needs,
    a translated need and a need under 10 households: each time one query on an empty cache,
    and the needs' figures are those of an aggregate over the source needs."""

    def figures():
        cache.clear()
        aggregates.source_campaign_id(campaign)
        with django_assert_num_queries(1):
            totals = aggregates.totals_for(campaign)
        expected = needs_figures_of_an_aggregate(campaign)
        assert {name: totals[name] for name in expected} == expected
        return totals

    def new_need(region, quantity, **unit_or_currency):
        return services.create_need(
            user=services.SYSTEM, campaign=campaign, partner=partner, category="food",
            region=region, title="حاجة", quantity=quantity, **unit_or_currency,
        )  # fmt: skip

    def deliver(need, quantity, households):
        delivery = services.record_delivery(
            user=member, need=need, quantity=quantity, delivered_on="2020-05-20",
            households_reached=households,
        )  # fmt: skip
        services.confirm_delivery(delivery, user=colleague)

    totals = figures()
    assert totals["needs"] == {"total": 0, "open": 0, "met": 0, "closed": 0}
    assert totals["percent_met"] == Decimal("0.0") and totals["money"] == []

    parcels = new_need(kasserine, "500", unit="parcel")
    money_need = new_need(sfax, "10000", currency="TND")
    blankets = new_need(kasserine, "3", unit="blanket")
    parcels.copy_for_translation(Locale.objects.get(language_code="fr")).save()
    totals = figures()
    assert totals["needs"] == {"total": 3, "open": 3, "met": 0, "closed": 0}
    assert totals["percent_met"] == Decimal("0.0") and totals["delivered"] == []

    gift(parcels, quantity="300")
    gift(money_need, amount="2500")
    gift(blankets, quantity="3")
    services.record_contribution(
        user=services.SYSTEM, campaign=campaign, partner=partner, kind="cash",
        amount="20.50", currency="EUR", status="received",
    )  # fmt: skip
    deliver(parcels, "120", 40)
    deliver(blankets, "2", 4)  # under 10 households: left out of the total
    services.change_need_status(blankets, "met", user=services.SYSTEM)
    services.change_need_status(money_need, "closed", user=services.SYSTEM)
    totals = figures()
    assert totals["needs"] == {"total": 3, "open": 1, "met": 1, "closed": 1}
    assert totals["percent_met"] == Decimal("30.2")  # (24 + 0 + 66.67) / 3
    assert money(totals, "TND")["received"] == 2500 and money(totals, "EUR")["received"] == 20.5
    assert totals["contributions"] == 4
    assert totals["households_reached"] == 40 and totals["households_not_counted"] == 1
    assert sorted((row["unit"], row["quantity"]) for row in totals["delivered"]) == [
        ("blanket", 2),
        ("parcel", 120),
    ]


def test_cache_is_invalidated_by_every_entry_change(need, campaign):
    contribution = gift(need, quantity="10", status="pledged")
    assert aggregates.totals_for(campaign)["in_kind"][0]["received"] == 0
    services.change_contribution_status(contribution, "received", user=services.SYSTEM)
    assert aggregates.totals_for(campaign)["in_kind"][0]["received"] == 10
    services.update_contribution(contribution, user=services.SYSTEM, quantity="12")
    assert aggregates.totals_for(campaign)["in_kind"][0]["received"] == 12


def test_figures_by_region_category_and_partner(need, cash_need, campaign, kasserine, sfax):
    gift(need, quantity="50")
    gift(cash_need, amount="200")
    by_region = aggregates.totals_by(campaign, "region")
    assert by_region[kasserine.pk]["in_kind"][0]["received"] == 50
    assert money(by_region[sfax.pk], "TND")["received"] == 200
    by_category = aggregates.totals_by(campaign, "category")
    assert set(by_category) >= {"food", "cash"}
    assert by_category["food"]["needs"]["total"] == 1
    by_partner = aggregates.totals_by(campaign, "partner")
    assert by_partner[need.partner_id]["contributions"] == 2


def test_needs_carry_their_figures_in_one_query(need, campaign, colleague, member):
    gift(need, quantity="250")
    gift(need, quantity="40", status="pledged")
    delivery = services.record_delivery(
        user=member, need=need, quantity="100", delivered_on="2020-05-20", households_reached=33
    )
    services.confirm_delivery(delivery, user=colleague)
    with CaptureQueriesContext(connection) as queries:
        [row] = list(aggregates.with_figures(aggregates.source_needs(campaign.pk)))
    assert len(queries) == 1
    assert (row.received, row.pledged, row.delivered) == (250, 40, 100)
    assert row.percent_received == 50 and row.percent_met == 20
    assert row.households_exact == 33 and row.contributions_count == 2
    [public] = aggregates.disclose_needs([row])
    assert public.households_reached == 33 and public.households_fewer_than is None


def test_running_totals_match_a_rebuild_from_the_entries(need, cash_need, member, colleague):
    first = gift(need, quantity="100", status="pledged")
    gift(cash_need, amount="12.5")
    services.change_contribution_status(first, "received", user=member)
    services.update_contribution(first, user=member, quantity="90")
    delivery = services.record_delivery(
        user=member, need=need, quantity="60", delivered_on="2020-05-20", households_reached=12
    )
    services.confirm_delivery(delivery, user=colleague)
    services.update_delivery(delivery, user=member, quantity="50")

    def state():
        """Each bucket's figures, whatever rows hold them (a bucket may have several)."""
        given = ["campaign_id", "need_id", "partner_id", "kind", "currency", "unit", "status"]
        delivered = ["campaign_id", "need_id", "partner_id", "region_id", "confirmed"]
        return (
            sorted(
                ContributionTally.objects.values_list(*given)
                .annotate(Sum("total"), Sum("count"))
                .filter(count__sum__gt=0)
                .order_by(),
                key=str,
            ),
            sorted(
                DeliveryTally.objects.values_list(*delivered)
                .annotate(Sum("quantity"), Sum("households"), Sum("count"))
                .filter(count__sum__gt=0)
                .order_by(),
                key=str,
            ),
        )

    kept = state()
    tallies.rebuild()
    assert state() == kept


def test_figures_are_the_same_when_a_buckets_writes_land_on_several_rows(
    need, cash_need, member, colleague, campaign, monkeypatch
):
    """Concurrent writers update different rows of a bucket (each thread its own, so gifts
    recorded at once for one need do not queue for one row's lock); every figure sums them,
    and equals what one row per bucket gives (a rebuild)."""
    rows = itertools.cycle(range(tallies.TALLY_SHARDS))
    monkeypatch.setattr(tallies, "_shard", lambda: next(rows))
    for quantity in ("10", "20", "30", "40"):
        gift(need, quantity=quantity)
    pledged = gift(cash_need, amount="12.5", status="pledged")
    gift(cash_need, amount="7.5")
    services.change_contribution_status(pledged, "received", user=member)
    for quantity, households in (("25", 50), ("15", 30), ("5", 10)):
        delivery = services.record_delivery(
            user=member, need=need, quantity=quantity, delivered_on="2020-05-20",
            households_reached=households,
        )  # fmt: skip
        services.confirm_delivery(delivery, user=colleague)
    assert ContributionTally.objects.filter(need=need).count() > 1  # spread over rows

    def figures():
        cache.clear()
        return aggregates.totals_for(campaign), [
            (n.pk, n.received, n.delivered)
            for n in aggregates.with_figures(type(need).objects.all())
        ]

    spread = figures()
    totals, _needs = spread
    assert money(totals, "TND")["received"] == Decimal("20")
    assert totals["households_reached"] == 90
    tallies.rebuild()
    assert ContributionTally.objects.filter(need=need).count() == 1
    assert figures() == spread
