"""A gift's currency is a choice of ISO 4217 codes, the campaign's first: in the admin (a
select, an unknown code refused next to the field) and in the API (a JSON 400 naming it)."""

import json
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from campaigns.api.models import SCOPES, PartnerApiKey
from campaigns.countries import currency_codes
from campaigns.tracker.models import Contribution
from tests.factories import first_partner, received_gift

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("money-staff", "m@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def currency_options(html):
    select = re.search(r'<select name="currency"[^>]*>(.*?)</select>', html, flags=re.S)
    assert select, "the currency field is not a select"
    return re.findall(r'<option value="([A-Z]*)"', select.group(1))


def test_the_codes_are_iso_4217_legal_tender_from_the_libraries():
    codes = currency_codes()
    assert {"TND", "JOD", "MAD", "EGP", "KWD", "LYD", "USD", "EUR", "XOF"} <= set(codes)
    assert not {"XAU", "XTS", "XXX", "DEM"} & set(codes)  # gold, test code, gone currency
    assert len(codes) > 140


def test_the_admin_offers_the_campaigns_currency_first(staff, jordan):
    gift = received_gift(campaign=jordan, amount="10.5")
    url = reverse("wagtailsnippets_tracker_contribution:edit", args=[gift.pk])
    html = staff.get(url).content.decode()
    options = currency_options(html)
    assert options[:2] == ["", "JOD"]  # blank: the campaign's; then Jordan's dinar
    assert set(options[2:]) == set(currency_codes()) - {"JOD"}
    assert "JOD – Jordanian Dinar" in html  # named in the user's language


def test_the_admin_refuses_an_unknown_code_next_to_the_field(staff, jordan):
    gift = received_gift(campaign=jordan, amount="10.5")
    url = reverse("wagtailsnippets_tracker_contribution:edit", args=[gift.pk])
    data = {
        "campaign": jordan.pk, "partner": first_partner(jordan).pk, "kind": "cash",
        "amount": "11", "currency": "XYZ", "status": "received",
    }  # fmt: skip
    response = staff.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "XYZ is not one of the available choices" in html
    gift.refresh_from_db()
    assert (gift.amount, gift.currency) == (Decimal("10.5"), "JOD")


@pytest.mark.parametrize("code", ["XYZ", "DEM", "XAU"])
def test_the_api_refuses_an_unknown_code_naming_the_field(client, jordan, code):
    _key, raw = PartnerApiKey.issue(partner=first_partner(jordan), name="Stock", scopes=SCOPES)
    before = Contribution.objects.count()
    response = client.post(
        "/api/v1/contributions/",
        json.dumps({"campaign": jordan.pk, "kind": "cash", "amount": "5", "currency": code}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400, response.content
    assert "currency" in response.json()["errors"]
    assert Contribution.objects.count() == before


def test_the_api_takes_the_campaigns_currency(client, jordan):
    _key, raw = PartnerApiKey.issue(partner=first_partner(jordan), name="Stock", scopes=SCOPES)
    response = client.post(
        "/api/v1/contributions/",
        json.dumps({"campaign": jordan.pk, "kind": "cash", "amount": "5.125"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201, response.content
    assert Contribution.objects.get(pk=response.json()["id"]).currency == "JOD"
