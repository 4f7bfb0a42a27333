"""A partner's gift through the API costs a few queries, the same however full its campaign.

Counted as the request runs in production: background work is queued, not run (django-tasks'
``DummyBackend``). The edge purge is not counted here (one per burst of gifts:
tests/tracker/test_tracker_purge_coalescing.py).
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.tracker import services
from tests.tracker.conftest import gift

# The key, the need (with its campaign), the campaign's partners, the gift, its running total
# (one UPDATE), its reference index (2, in the save's transaction: queueing it as a task took
# 4), the change history (one INSERT into the tracker's own log: Wagtail's save looked up the
# content type and the user again, 2 more until 2 December 2026) and the write's savepoint (2:
# inside the test's transaction). Before: 21 (with EntryChange and without the key's partner
# scope), 14 (the reference index queued), 12 (the log's lookups).
BUDGET = 10


def post_gift(client, need, capture):
    """POST one gift toward ``need``; returns (response, the queries it made)."""
    body = {"need": need.pk, "kind": "in_kind", "quantity": "3", "unit": "parcel"}
    with CaptureQueriesContext(connection) as queries, capture(execute=True):
        response = client.post_json("/api/v1/contributions/", {**body, "status": "received"})
    assert response.status_code == 201, response.content
    return response, [query["sql"] for query in queries.captured_queries]


def test_a_keyed_gift_costs_the_same_few_queries_in_a_small_or_full_campaign(
    queued, anon, client_for, campaign, need, django_capture_on_commit_callbacks
):
    for _ in range(2):
        gift(need, quantity="1")
    post_gift(client_for, need, django_capture_on_commit_callbacks)  # the key's first use
    small, small_queries = post_gift(client_for, need, django_capture_on_commit_callbacks)
    for _ in range(18):
        gift(need, quantity="1")
    services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=need.partner,
        category="food",
        region=need.region,
        title="حليب أطفال",
        quantity="80",
        unit="parcel",
    )
    full, full_queries = post_gift(client_for, need, django_capture_on_commit_callbacks)
    assert len(small_queries) == len(full_queries), "\n".join(full_queries)
    assert len(full_queries) <= BUDGET, f"{len(full_queries)} queries:\n" + "\n".join(full_queries)
    assert small.json()["quantity"] == full.json()["quantity"] == "3"
    totals = anon.get(f"/api/v1/campaigns/{campaign.pk}/totals/").json()["totals"]
    [parcels] = totals["in_kind"]
    assert parcels["received"] == str(20 * 1 + 3 * 3)
