"""Cold origin renders, run inside the site's environment by ``make bench`` (manage.py shell).

For home, campaign and needs pages: the median ms and the SQL queries of a render with every
cache emptied first (no Redis, no fragments: what a deploy or an eviction costs), at the
demo's content and after adding nine times the demo's partners, appeals and needs (10x).
Prints one JSON line. The growth is written to the benchmark's own throw-away database.
"""

import json
import statistics
import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from campaigns.models import (
    AppealPage,
    CampaignPage,
    CampaignPartner,
    PartnerIndexPage,
    PartnerPage,
)
from campaigns.tracker.models import Need

PAGES = {"home": "/ar/", "campaign": "/ar/jesr/", "needs": "/ar/jesr/needs/"}


def cold_renders(client, runs):
    out = {}
    for name, path in PAGES.items():
        times, queries, status = [], 0, None
        for _ in range(runs):
            cache.clear()
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path).status_code
            times.append((time.perf_counter() - start) * 1000)
            queries = len(captured)
        out[name] = {"path": path, "status": status, "ms": statistics.median(times), "q": queries}
    return out


def grow(campaign, factor):
    """Add (factor - 1) times the campaign's partners, appeals and needs."""
    links = list(campaign.campaign_partners.select_related("partner"))
    index = PartnerIndexPage.objects.get(locale=campaign.locale)
    appeals = list(AppealPage.objects.child_of(campaign).live())
    for i in range((factor - 1) * len(links)):
        source = links[i % len(links)].partner.specific
        partner = PartnerPage(
            title=f"{source.title} {i}", slug=f"bench-partner-{i}", kind=source.kind,
            logo=source.logo,
        )  # fmt: skip
        index.add_child(instance=partner)
        CampaignPartner.objects.create(campaign=campaign, partner=partner, sort_order=100 + i)
    for i in range((factor - 1) * len(appeals)):
        source = appeals[i % len(appeals)]
        appeal = AppealPage(
            title=f"{source.title} {i}", slug=f"bench-appeal-{i}",
            person_name=source.person_name, person_role=source.person_role,
            portrait=source.portrait,
        )  # fmt: skip
        campaign.add_child(instance=appeal)
    needs = list(Need.objects.filter(campaign=campaign))
    copies = []
    for i in range((factor - 1) * len(needs)):
        need = Need.objects.get(pk=needs[i % len(needs)].pk)
        need.pk = need.id = None
        need.translation_key = uuid.uuid4()
        need.title = f"{need.title} {i}"
        copies.append(need)
    Need.objects.bulk_create(copies)


def add_needs(campaign, total):
    """Copies of the campaign's first need until it has ``total`` source needs."""
    source = Need.objects.filter(campaign=campaign, locale=campaign.locale).first()
    missing = total - Need.objects.filter(campaign=campaign, locale=campaign.locale).count()
    fields = {f.attname: getattr(source, f.attname) for f in Need._meta.concrete_fields}
    copies = []
    for _ in range(max(0, missing)):
        need = Need(**{**fields, "id": None, "translation_key": uuid.uuid4()})
        copies.append(need)
    Need.objects.bulk_create(copies, batch_size=1000)
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk insert on a live database (its insert
        # threshold): statistics, and the visibility map that lets the page count be answered
        # from the locale index alone. ANALYZE alone left the count a sequential scan of every
        # row (11 ms at 10,000 needs against 1.8 ms after VACUUM, EXPLAIN ANALYZE).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE tracker_need")


def needs_api(client, campaign, runs):
    """Median ms of the needs API's first page (default order) at 100 and 10,000 needs."""
    out = {}
    for total in (100, 10_000):
        add_needs(campaign, total)
        client.get("/api/v1/needs/")
        times = []
        for _ in range(runs * 4):
            start = time.perf_counter()
            response = client.get("/api/v1/needs/")
            times.append((time.perf_counter() - start) * 1000)
        out[total] = {"status": response.status_code, "ms": statistics.median(times)}
    return out


def main(runs=5, factor=10, needs=False):
    client = Client(HTTP_HOST="127.0.0.1")
    for path in PAGES.values():  # renditions, template loaders, URL resolvers
        client.get(path)
    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    result = {"1x": cold_renders(client, runs)}
    grow(campaign, factor)
    for path in PAGES.values():
        client.get(path)
    result[f"{factor}x"] = cold_renders(client, runs)
    result["counts"] = {
        "partners": campaign.campaign_partners.count(),
        "appeals": AppealPage.objects.child_of(campaign).count(),
        "needs": Need.objects.filter(campaign=campaign).count(),
    }
    if needs:
        result["needs_api"] = needs_api(client, campaign, runs)
    print(json.dumps(result))


main()
