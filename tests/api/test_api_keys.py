"""Partner API keys: created by staff in the admin (shown once), hashed, scoped, revocable."""

import re

import pytest
from django.contrib.auth import get_user_model

from campaigns.api.models import PartnerApiKey
from campaigns.tracker.models import Contribution

from .conftest import ApiClient, issue_key

ADD_URL = "/admin/partner_api_keys/new/"


@pytest.fixture
def admin_client(client, db):
    admin = get_user_model().objects.create_superuser("keyadmin", "k@example.org", "pw")
    client.force_login(admin)
    return client


def gift_body(need):
    return {"need": need.pk, "kind": "in_kind", "quantity": "5", "unit": "parcel"}


def test_staff_create_a_key_in_the_admin_and_see_it_once(admin_client, partner, need):
    response = admin_client.post(
        ADD_URL,
        {"name": "Stock system", "partner": partner.pk, "scopes": ["contributions:write"]},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    raw = re.search(r'value="(sk_[^"]+)"', response.content.decode()).group(1)
    key = PartnerApiKey.objects.get(name="Stock system")
    # Only the hash is stored: the raw key appears in no column.
    assert raw not in {key.key_hash, key.lookup} and key.matches(raw)
    assert raw not in str(list(PartnerApiKey.objects.values()))
    assert key.scopes == ["contributions:write"] and key.created_by.username == "keyadmin"
    # The key works for its scope...
    api = ApiClient(raw)
    assert api.post_json("/api/v1/contributions/", gift_body(need)).status_code == 201
    # ...and the admin never shows it again.
    listing = admin_client.get("/admin/partner_api_keys/")
    edit = admin_client.get(f"/admin/partner_api_keys/edit/{key.pk}/")
    assert listing.status_code == edit.status_code == 200
    assert raw not in listing.content.decode() and raw not in edit.content.decode()
    assert "Stock system" in listing.content.decode()


def test_staff_revoke_a_key_in_the_admin(admin_client, key_pair, need):
    key, raw = key_pair
    response = admin_client.post(
        f"/admin/partner_api_keys/edit/{key.pk}/",
        {"name": key.name, "scopes": key.scopes},  # "active" unticked
    )
    assert response.status_code == 302
    key.refresh_from_db()
    assert not key.is_active and key.revoked_at is not None
    before = Contribution.objects.count()
    answer = ApiClient(raw).post_json(
        "/api/v1/contributions/", gift_body(need), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert answer.status_code == 401
    assert "revoked" in answer.json()["detail"]
    assert Contribution.objects.count() == before


def test_partner_staff_cannot_manage_keys(client, db):
    user = get_user_model().objects.create_user("editor", "e@example.org", "pw")
    client.force_login(user)
    assert client.get(ADD_URL).status_code in (302, 403)


@pytest.mark.parametrize(
    "header",
    ["Bearer sk_not-a-real-key-at-all-0000000000000000000", "Bearer", "Bearer a b", "Bearer x"],
)
def test_unknown_or_malformed_key_is_401(header, need):
    before = Contribution.objects.count()
    response = ApiClient(HTTP_AUTHORIZATION=header).post_json(
        "/api/v1/contributions/", gift_body(need)
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["code"] == "authentication_failed"
    assert Contribution.objects.count() == before


def test_write_without_key_is_401(anon, need):
    response = anon.post_json("/api/v1/contributions/", gift_body(need))
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_key_without_the_scope_is_403(partner, need):
    _key, raw = issue_key(partner, scopes=["needs:write"])
    before = Contribution.objects.count()
    response = ApiClient(raw).post_json("/api/v1/contributions/", gift_body(need))
    assert response.status_code == 403
    assert "contributions:write" in response.json()["detail"]
    assert Contribution.objects.count() == before


def test_key_writes_only_its_own_partners_entries(other_client, need, partner):
    before = Contribution.objects.count()
    # The need is the demo partner's: the other partner's key may not record toward it
    # in the demo partner's name.
    response = other_client.post_json(
        "/api/v1/contributions/", {**gift_body(need), "partner": partner.pk}
    )
    assert response.status_code == 403
    assert response.json()["errors"] == {"partner": [response.json()["detail"]]}
    assert Contribution.objects.count() == before


def test_last_used_time_is_recorded(key_pair, client_for):
    key, _raw = key_pair
    assert key.last_used_at is None
    assert client_for.get("/api/v1/needs/").status_code == 200
    key.refresh_from_db()
    assert key.last_used_at is not None
