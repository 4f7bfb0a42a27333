"""Contact details never reach a public page, feed or API response (accepted or not)."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns.people import offers
from campaigns.people.models import Offer

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "hidden.donor@example.net"
SECRET_PHONE = "+216 98 765 432"
SECRET_NAME = "Nom Secret"


@pytest.fixture
def offers_made(campaign, partner, partner_staff):
    made = []
    for _index in range(2):
        made.append(
            offers.submit(
                campaign,
                kind="in_kind",
                category="food",
                quantity=Decimal(5),
                unit="parcel",
                region=None,
                name=SECRET_NAME,
                name_public=False,  # no consent: the name is private too
                email=SECRET_EMAIL,
                phone=SECRET_PHONE,
                message="",
                language="ar",
            )
        )
    offers.accept(made[0], user=partner_staff, partner=partner)
    return made


def public_urls(campaign):
    urls = ["/ar/", "/fr/", "/en/", "/sitemap.xml", "/ar/search/?q=Secret"]
    for lang in ("ar", "fr", "en"):
        urls += [f"/{lang}/jesr/", f"/{lang}/jesr/offer-help/", f"/{lang}/jesr/offer-help/thanks/"]
        urls += [f"/{lang}/partners/", f"/{lang}/press/"]
    urls += [
        "/api/v2/pages/?type=campaigns.CampaignPage&fields=*",
        f"/api/v2/pages/{campaign.pk}/",
        "/api/v2/pages/?search=Secret",
    ]
    return urls


def test_contact_details_absent_from_every_public_output(client, running, campaign, offers_made):
    seen = 0
    for url in public_urls(campaign):
        response = client.get(url)
        if response.status_code != 200:
            continue
        seen += 1
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        for secret in (SECRET_EMAIL, SECRET_PHONE, SECRET_NAME, "hidden.donor"):
            assert secret not in body, (url, secret)
    assert seen >= 15


def test_tracker_api_if_present_shows_no_contact(client, offers_made):
    for url in ("/api/v1/contributions/", "/api/v1/needs/", "/api/v1/campaigns/"):
        response = client.get(url)
        if response.status_code == 200:
            assert SECRET_EMAIL not in response.content.decode()
            assert SECRET_PHONE not in json.dumps(response.json())


def test_contact_only_for_partners_and_staff(client, offers_made, editor, admin_user):
    url = reverse("people_offers:inspect", args=[offers_made[1].pk])
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code in (302, 403, 404)  # refused, or hidden as not found
    assert SECRET_EMAIL not in response.content.decode()
    client.force_login(admin_user)
    assert SECRET_EMAIL in client.get(url).content.decode()


def test_nothing_about_beneficiaries_is_stored():
    names = {field.name for field in Offer._meta.get_fields()}
    assert not any("beneficiar" in name or "household" in name for name in names)
