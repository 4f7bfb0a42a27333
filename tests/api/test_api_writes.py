"""Keyed writes through the tracker services; every refused write leaves the database as it was."""

import json

import pytest

from campaigns.tracker import services
from campaigns.tracker.models import Contribution, Delivery, Need, ScopedLogEntry
from tests.tracker.conftest import gift


def counts():
    return (
        Need.objects.count(),
        Contribution.objects.count(),
        Delivery.objects.count(),
        ScopedLogEntry.objects.count(),
    )


def test_record_a_contribution_and_see_the_totals_change(anon, client_for, campaign, need):
    totals_url = f"/api/v1/campaigns/{campaign.pk}/totals/"
    assert anon.get(totals_url).json()["totals"]["in_kind"] == []
    response = client_for.post_json(
        "/api/v1/contributions/",
        {
            "need": need.pk,
            "kind": "in_kind",
            "quantity": "25",
            "unit": "parcel",
            "status": "received",
            "donor_name": "Salma",
            "donor_name_public": True,
            "donor_contact": "salma@example.org",
            "reference": "GIFT-1",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["donor_name"] == "Salma" and body["reference"] == "GIFT-1"
    assert "donor_contact" not in body and body["source"] == "api"
    assert response["Location"].endswith(f"/api/v1/contributions/{body['id']}/")
    [parcels] = anon.get(totals_url).json()["totals"]["in_kind"]
    assert (parcels["unit"], parcels["received"]) == ("parcel", "25")
    stored = Contribution.objects.get(pk=body["id"])
    assert stored.donor_contact == "salma@example.org" and stored.created_by.api_key
    assert services.history_of(stored).get().data["source"] == "api"


def test_create_a_need_with_the_keys_partner_by_default(client_for, campaign, partner):
    response = client_for.post_json(
        "/api/v1/needs/",
        {
            "campaign": campaign.pk,
            "category": "hygiene",
            "region": "TN-61",
            "title": "حقائب صحية",
            "quantity": "200",
            "unit": "kit",
            "deadline": "2020-05-30",
        },
    )
    assert response.status_code == 201, response.content
    need = Need.objects.get(pk=response.json()["id"])
    assert need.partner_id == partner.pk and need.region.code == "TN-61"
    assert response.json()["figures"]["percent_met"] == "0"


def test_move_a_contribution_forward_but_never_back(client_for, need):
    contribution = gift(need, status="pledged", quantity="10")
    url = f"/api/v1/contributions/{contribution.pk}/status/"
    response = client_for.post_json(url, {"status": "received"})
    assert response.status_code == 200 and response.json()["status"] == "received"
    assert response.json()["received_at"]
    before = counts()
    response = client_for.post_json(url, {"status": "cancelled"})
    assert response.status_code == 400 and "status" in response.json()["errors"]
    assert counts() == before
    contribution.refresh_from_db()
    assert contribution.status == "received"


def test_record_and_confirm_a_delivery_by_a_second_person(
    anon, client_for, second_client, campaign, need
):
    gift(need, quantity="100")
    response = client_for.post_json(
        "/api/v1/deliveries/",
        {"need": need.pk, "quantity": "60", "delivered_on": "2020-05-21", "households_reached": 60},
    )
    assert response.status_code == 201, response.content
    delivery_id = response.json()["id"]
    assert response.json()["confirmed"] is False
    confirm = f"/api/v1/deliveries/{delivery_id}/confirm/"
    # The key that recorded it may not confirm it.
    refused = client_for.post_json(confirm)
    assert refused.status_code == 400 and "confirmed_by" in refused.json()["errors"]
    confirmed = second_client.post_json(confirm)
    assert confirmed.status_code == 200 and confirmed.json()["confirmed"] is True
    totals = anon.get(f"/api/v1/campaigns/{campaign.pk}/totals/").json()["totals"]
    assert totals["households_reached"] == 60 and totals["deliveries"] == 1


def test_another_partners_entry_is_refused_and_unchanged(other_client, need):
    contribution = gift(need, status="pledged")
    before = counts()
    response = other_client.post_json(
        f"/api/v1/contributions/{contribution.pk}/status/", {"status": "received"}
    )
    assert response.status_code == 403 and "partner" in response.json()["errors"]
    assert counts() == before
    contribution.refresh_from_db()
    assert contribution.status == "pledged"


GOOD = {"kind": "cash", "amount": "10.500", "currency": "TND"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**GOOD, "colour": "red"}, "colour"),  # unknown field
        ({**GOOD, "amount": "ten"}, "amount"),  # wrong type
        ({**GOOD, "amount": [1]}, "amount"),
        ({**GOOD, "amount": "-5"}, "amount"),  # negative
        ({**GOOD, "amount": "10.1234"}, "amount"),  # TND has 3 decimals
        ({**GOOD, "currency": "XYZ"}, "currency"),
        ({**GOOD, "kind": "gold"}, "kind"),
        ({**GOOD, "donor_name_public": "maybe"}, "donor_name_public"),
        ({**GOOD, "need": 999999}, "need"),
        ({"kind": "in_kind", "quantity": "0", "unit": "parcel"}, "quantity"),
        ({"kind": "in_kind", "quantity": "1.0001", "unit": "parcel"}, "quantity"),
        ({"kind": "in_kind", "quantity": "3", "unit": "bag"}, "unit"),
        ({**GOOD, "pledged_at": "not a date"}, "pledged_at"),
    ],
)
def test_bad_contributions_are_400_naming_the_field(client_for, campaign, body, field):
    before = counts()
    response = client_for.post_json("/api/v1/contributions/", {"campaign": campaign.pk, **body})
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"], response.json()
    assert counts() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"quantity": "-1"}, "quantity"),
        ({"quantity": "5", "delivered_on": "2999-01-01"}, "delivered_on"),
        ({"quantity": "5", "households_reached": -3}, "households_reached"),
        ({"quantity": "5000"}, "quantity"),  # more than was received
        ({"quantity": "5", "region": "XX-99"}, "region"),
    ],
)
def test_bad_deliveries_are_400_naming_the_field(client_for, need, body, field):
    gift(need, quantity="10")
    before = counts()
    payload = {"need": need.pk, "delivered_on": "2020-05-20", **body}
    response = client_for.post_json("/api/v1/deliveries/", payload)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"], response.json()
    assert counts() == before


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        ("{not json", "application/json", 400, "parse_error"),
        ("[1, 2]", "application/json", 400, "invalid"),
        ('"text"', "application/json", 400, "invalid"),
        ("kind=cash", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        ("kind=cash", "text/plain", 415, "unsupported_media_type"),
        (json.dumps({"note": "x" * 70_000}), "application/json", 413, "too_large"),
    ],
)
def test_malformed_requests(client_for, body, content_type, status, code):
    before = counts()
    response = client_for.post("/api/v1/contributions/", body, content_type=content_type)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == code
    assert counts() == before


def test_idempotent_retry_returns_the_first_answer(client_for, need):
    body = {"need": need.pk, "kind": "in_kind", "quantity": "7", "unit": "parcel"}
    headers = {"HTTP_IDEMPOTENCY_KEY": "gift-2020-05-20-0001"}
    first = client_for.post_json("/api/v1/contributions/", body, **headers)
    assert first.status_code == 201
    before = counts()
    retry = client_for.post_json("/api/v1/contributions/", body, **headers)
    assert retry.status_code == 201 and retry.json() == first.json()
    assert retry["Idempotency-Replayed"] == "true" and retry["Location"] == first["Location"]
    assert counts() == before
    conflict = client_for.post_json("/api/v1/contributions/", {**body, "quantity": "8"}, **headers)
    assert conflict.status_code == 422 and conflict.json()["code"] == "idempotency_key_reused"
    assert counts() == before
    # Another request with a fresh key does create a new gift.
    other = client_for.post_json("/api/v1/contributions/", body, HTTP_IDEMPOTENCY_KEY="new-1")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


def test_idempotency_keys_are_kept_24_hours(client_for, need, time_machine):
    body = {"need": need.pk, "kind": "in_kind", "quantity": "7", "unit": "parcel"}
    headers = {"HTTP_IDEMPOTENCY_KEY": "retry-later"}
    time_machine.move_to("2026-06-01 10:00:00+00:00")
    first = client_for.post_json("/api/v1/contributions/", body, **headers)
    time_machine.move_to("2026-06-02 09:59:00+00:00")
    retry = client_for.post_json("/api/v1/contributions/", body, **headers)
    assert retry.json()["id"] == first.json()["id"]


def test_failed_request_does_not_burn_the_idempotency_key(client_for, need):
    headers = {"HTTP_IDEMPOTENCY_KEY": "fix-and-retry"}
    bad = {"need": need.pk, "kind": "in_kind", "quantity": "-7", "unit": "parcel"}
    assert client_for.post_json("/api/v1/contributions/", bad, **headers).status_code == 400
    good = {**bad, "quantity": "7"}
    assert client_for.post_json("/api/v1/contributions/", good, **headers).status_code == 201


@pytest.mark.parametrize(
    ("language", "detail", "unknown"),
    [
        ("fr", "Certains champs ne sont pas valides.", "Champ inconnu."),
        ("ar", "بعض الحقول غير صالحة.", "حقل غير معروف."),
        ("en", "Some fields are not valid.", "Unknown field."),
    ],
)
def test_errors_in_the_clients_language(client_for, language, detail, unknown):
    response = client_for.post_json(
        "/api/v1/contributions/", {"colour": "red"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 400
    assert response.json()["detail"] == detail
    assert response.json()["errors"]["colour"] == [unknown]
