"""A retried write whose first answer was lost puts the campaign's figures right.

The first request may commit and then die before what it sends on commit leaves (its worker
killed, or its connection cut while committing): the entry is stored, its idempotency record
too, but the campaign's figures were never retired. ``make load`` saw it: a confirmed
delivery's 3 households missing from every figure, from the origin and through Varnish, for
the cache's lifetime. The client retries with its key (it got no answer); the replay announces
the write again. Every keyed POST of the schema is a case here.
"""

import pytest
from django.core.cache import cache

from campaigns.tracker import signals

from .conftest import ApiClient, issue_key


def need_body(need, kasserine):
    return {
        "campaign": need.campaign_id,
        "category": "food",
        "region": kasserine.code,
        "title": "Parcels",
        "quantity": "10",
        "unit": "parcel",
    }


def gift_body(need):
    return {"need": need.pk, "kind": "in_kind", "quantity": "7", "unit": "parcel"}


def delivery_body(need):
    return {"need": need.pk, "quantity": "5", "delivered_on": "2020-05-21", "households_reached": 3}


def writes(client_for, second_client, need, kasserine):
    """``{schema path: (client, path, body)}``: every keyed write, ready to send (the entries
    they act on recorded first, their figures shown)."""
    gift = client_for.post_json(
        "/api/v1/contributions/", {**gift_body(need), "quantity": "50", "status": "received"}
    )
    assert gift.status_code == 201, gift.content
    pledged = client_for.post_json(
        "/api/v1/contributions/", {**gift_body(need), "status": "pledged"}
    ).json()["id"]
    delivery = client_for.post_json("/api/v1/deliveries/", delivery_body(need))
    assert delivery.status_code == 201, delivery.content
    return {
        "/api/v1/needs/": (client_for, "/api/v1/needs/", need_body(need, kasserine)),
        "/api/v1/contributions/": (client_for, "/api/v1/contributions/", gift_body(need)),
        "/api/v1/contributions/{id}/status/": (
            client_for,
            f"/api/v1/contributions/{pledged}/status/",
            {"status": "received"},
        ),
        "/api/v1/deliveries/": (client_for, "/api/v1/deliveries/", delivery_body(need)),
        "/api/v1/deliveries/{id}/confirm/": (
            second_client,
            f"/api/v1/deliveries/{delivery.json()['id']}/confirm/",
            {},
        ),
    }


def keyed_posts(anon):
    paths = anon.get("/api/schema/?format=json").json()["paths"]
    return {path for path, operations in paths.items() if "post" in operations} - {
        path for path in paths if not path.startswith("/api/v1/")
    }


@pytest.fixture
def second_client(partner):
    return ApiClient(issue_key(partner, name="Field office")[1])


def test_every_keyed_write_is_a_case(anon, client_for, second_client, need, kasserine):
    """A POST added to the API later must be added here."""
    assert keyed_posts(anon) == set(writes(client_for, second_client, need, kasserine))


@pytest.mark.parametrize(
    "operation",
    [
        "/api/v1/needs/",
        "/api/v1/contributions/",
        "/api/v1/contributions/{id}/status/",
        "/api/v1/deliveries/",
        "/api/v1/deliveries/{id}/confirm/",
    ],
)
def test_a_retry_after_a_lost_answer_shows_the_write_in_the_figures(
    anon, client_for, second_client, need, kasserine, campaign, monkeypatch, operation
):
    client, path, body = writes(client_for, second_client, need, kasserine)[operation]
    totals_url = f"/api/v1/campaigns/{campaign.pk}/totals/"
    before = anon.get(totals_url).json()["totals"]
    headers = {"HTTP_IDEMPOTENCY_KEY": f"lost-{operation}"}

    # The first request commits, but nothing it announces on commit leaves.
    with monkeypatch.context() as lost:
        lost.setattr(signals, "invalidate", lambda campaign_id: None)
        first = client.post_json(path, body, **headers)
    assert 200 <= first.status_code < 300, first.content
    assert anon.get(totals_url).json()["totals"] == before  # the fault, as make load saw it

    retry = client.post_json(path, body, **headers)
    assert retry["Idempotency-Replayed"] == "true"
    assert retry.json()["id"] == first.json()["id"]
    shown = anon.get(totals_url).json()["totals"]
    cache.clear()
    assert shown == anon.get(totals_url).json()["totals"] != before
