"""Throttling (429 + Retry-After) per anonymous client and per key; CORS for declared origins."""

import pytest
from django.test import override_settings

from tests.tracker.conftest import gift

RATES = {"anon": "3/min", "key": "2/min"}


@override_settings(TRACKER_API_THROTTLE=RATES)
def test_anonymous_clients_are_throttled(anon, client_for):
    for _ in range(3):
        assert anon.get("/api/v1/regions/").status_code == 200
    refused = anon.get("/api/v1/regions/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0 and refused.json()["code"] == "throttled"
    # The v2 API counts against the same anonymous budget.
    assert anon.get("/api/v2/pages/").status_code == 429
    # A key has its own budget.
    assert client_for.get("/api/v1/regions/").status_code == 200


@override_settings(TRACKER_API_THROTTLE=RATES)
def test_each_key_is_throttled_on_its_own(client_for, second_client, need):
    contribution = gift(need, status="pledged")
    assert client_for.get("/api/v1/regions/").status_code == 200
    assert client_for.get("/api/v1/regions/").status_code == 200
    refused = client_for.post_json(
        f"/api/v1/contributions/{contribution.pk}/status/", {"status": "received"}
    )
    assert refused.status_code == 429 and refused["Retry-After"]
    contribution.refresh_from_db()
    assert contribution.status == "pledged"
    assert second_client.get("/api/v1/regions/").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/needs/", "/api/v2/pages/"])
@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
def test_cors_only_for_declared_origins(anon, path):
    allowed = anon.get(path, HTTP_ORIGIN="https://app.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = anon.get(path, HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other
    preflight = anon.options(
        "/api/v1/contributions/",
        HTTP_ORIGIN="https://app.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, idempotency-key, content-type",
    )
    assert preflight.status_code == 200
    assert "idempotency-key" in preflight["Access-Control-Allow-Headers"]


def test_no_cors_by_default(anon, settings):
    assert settings.CORS_ALLOWED_ORIGINS == []
    response = anon.get("/api/v1/needs/", HTTP_ORIGIN="https://app.example.org")
    assert "Access-Control-Allow-Origin" not in response


@override_settings(TRACKER_API_THROTTLE=RATES)
def test_a_forged_forwarded_for_header_does_not_reset_the_budget(anon):
    for number in range(3):
        anon.get("/api/v1/regions/", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    assert anon.get("/api/v1/regions/", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429
