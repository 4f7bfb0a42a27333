"""Benchmark: a campaign's totals with 100 vs 100,000 contributions, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_tracker python bench/tracker_totals.py

Builds (once) two campaigns in that database — 100 and 100,000 contributions, recorded with
bulk inserts and their running totals rebuilt as the services keep them — then times
``totals_for`` with its cached figures retired (the real work: its database queries) and prints both
times, the ratio (target: under 4×) and the number of queries. For comparison it also times
the same sums computed directly over the contribution rows.
"""

import datetime
import os
import random
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.db.models import Count, Q, Sum  # noqa: E402
from django.db.models.functions import Coalesce  # noqa: E402

from campaigns.models import CampaignPage, PartnerPage  # noqa: E402
from campaigns.tracker.aggregates import totals_for  # noqa: E402
from campaigns.tracker.models import Contribution, Need, Region  # noqa: E402
from campaigns.tracker.services import tallies  # noqa: E402
from campaigns.tracker.signals import invalidate  # noqa: E402
from home.models import HomePage  # noqa: E402

SIZES = (100, 100_000)
RUNS = 15
STATUSES = ["pledged", "received", "received", "distributed", "cancelled"]


def campaign_with(count):
    slug = f"bench-{count}"
    existing = CampaignPage.objects.filter(slug=slug, locale__language_code="ar").first()
    if existing and Contribution.objects.filter(campaign=existing).count() == count:
        return existing
    home = HomePage.objects.get(locale__language_code="ar")
    campaign = existing or home.add_child(
        instance=CampaignPage(
            title=f"Bench {count}", slug=slug, country="TN",
            start_date=datetime.date(2020, 5, 15), end_date=datetime.date(2020, 5, 30),
        )
    )  # fmt: skip
    partners = list(PartnerPage.objects.filter(locale=campaign.locale))
    regions = list(Region.objects.filter(country="TN"))
    needs = Need.objects.bulk_create(
        Need(
            campaign=campaign, partner=random.choice(partners), region=random.choice(regions),
            locale_id=campaign.locale_id, translation_key=uuid.uuid4(), category="food",
            title=f"Need {i}", quantity=1000, unit="parcel",
        )
        for i in range(50)
    )  # fmt: skip
    when = datetime.datetime(2020, 5, 16, 12, tzinfo=datetime.UTC)
    batch = []
    for i in range(count):
        cash = i % 3 == 0
        need = None if cash else needs[i % len(needs)]
        batch.append(
            Contribution(
                campaign=campaign, need=need,
                partner=need.partner if need else random.choice(partners),
                kind="cash" if cash else "in_kind",
                amount=Decimal(random.randint(1, 500_000)) / 1000 if cash else None,
                currency=random.choice(["TND", "TND", "EUR"]) if cash else "",
                quantity=None if cash else random.randint(1, 20),
                unit="" if cash else "parcel", status=random.choice(STATUSES),
                pledged_at=when, source="import",
            )
        )  # fmt: skip
        if len(batch) == 5000:
            Contribution.objects.bulk_create(batch)
            batch = []
    Contribution.objects.bulk_create(batch)
    tallies.rebuild(campaign.pk)
    connection.cursor().execute("ANALYZE")
    return campaign


def timed(function, reset=lambda: None):
    samples, queries = [], 0
    for _ in range(RUNS):
        reset()
        reset_queries()
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
        queries = len(connection.queries)
    return statistics.median(samples), queries


def raw_sums(campaign):
    return list(
        Contribution.objects.filter(campaign=campaign)
        .values("kind", "currency", "unit")
        .annotate(
            received=Coalesce(
                Sum("amount", filter=Q(status__in=["received", "distributed"])), Decimal(0)
            ),
            n=Count("pk"),
        )
    )


def main():
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (e.g. .../portal_tracker).")
    settings.DEBUG = True  # to count queries
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    campaigns = {size: campaign_with(size) for size in SIZES}
    results = {
        size: timed(lambda c=c: totals_for(c), reset=lambda c=c: invalidate(c.pk))
        for size, c in campaigns.items()
    }
    raw = {size: timed(lambda c=c: raw_sums(c)) for size, c in campaigns.items()}
    small, large = (results[s][0] for s in SIZES)
    print(f"totals_for, figures not cached, median of {RUNS} runs (PostgreSQL):")
    for size in SIZES:
        seconds, queries = results[size]
        print(f"  {size:>7,} contributions: {seconds * 1000:7.2f} ms, {queries} queries")
    print(f"  ratio: {large / small:.2f}x (target < 4x)")
    print("for comparison, summing the contribution rows directly:")
    for size in SIZES:
        print(f"  {size:>7,} contributions: {raw[size][0] * 1000:7.2f} ms")
    print(f"  ratio: {raw[SIZES[1]][0] / raw[SIZES[0]][0]:.2f}x")
    cached_time, cached_queries = timed(lambda: totals_for(campaigns[SIZES[1]]))
    print(f"cached: {cached_time * 1000:.2f} ms, {cached_queries} queries")


if __name__ == "__main__":
    main()
