"""The public "offer help" form: valid, invalid, spam, rate-limited, too big, closed."""

import re

import pytest
from django.core import mail
from django.test import Client, override_settings

from campaigns.people.models import Offer
from campaigns.tracker.models import Region

from .conftest import OFFER_URL, valid_offer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "direction", "button"),
    [
        ("ar", "rtl", "اعرضوا المساعدة"),
        ("fr", "ltr", "Proposer de l’aide"),
        ("en", "ltr", "Offer help"),
    ],
)
def test_campaign_page_links_to_the_form_in_each_language(client, running, lang, direction, button):
    page = client.get(f"/{lang}/jesr/")
    html = page.content.decode()
    assert OFFER_URL.format(lang=lang) in html
    assert button in html
    form = client.get(OFFER_URL.format(lang=lang))
    assert form.status_code == 200
    text = form.content.decode()
    assert f'dir="{direction}"' in text
    assert 'name="csrfmiddlewaretoken"' in text
    assert "<script" not in text.split("<main", 1)[1].split("</main>", 1)[0]  # no JS needed


def test_form_never_asks_about_beneficiaries(client, running):
    html = client.get(OFFER_URL.format(lang="en")).content.decode().lower()
    for word in ("beneficiar", "household", "family name of", "national id"):
        assert f'name="{word}' not in html
    assert "write nothing about the people you wish to help" in html


def test_valid_offer_is_kept_pending_and_acknowledged(
    client, running, campaign, django_capture_on_commit_callbacks
):
    kasserine = Region.objects.get(code="TN-42")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(OFFER_URL.format(lang="fr"), valid_offer(region=kasserine.pk))
    assert response.status_code == 302
    assert response["Location"] == "/fr/jesr/offer-help/thanks/"
    offer = Offer.objects.get()
    assert offer.campaign == campaign  # the Arabic source, whatever the language used
    assert (offer.kind, offer.category, offer.quantity, offer.unit) == (
        "in_kind",
        "food",
        20,
        "parcel",
    )
    assert offer.region == kasserine and offer.status == "pending" and offer.language == "fr"
    assert offer.email == "salma@example.net" and offer.name_public
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["salma@example.net"]
    assert "Pont de l'amour" in mail.outbox[0].subject
    assert "Merci d’avoir proposé votre aide" in mail.outbox[0].body
    assert re.search(r"\b20\s", mail.outbox[0].body)  # «20 colis», a no-break space
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200


def test_cash_offer_with_arabic_digits(client, running):
    data = valid_offer(
        kind="cash", amount="٢٥٠٫٥", currency="TND", category="", quantity="", unit=""
    )
    response = client.post(OFFER_URL.format(lang="ar"), data)
    assert response.status_code == 302
    offer = Offer.objects.get()
    assert (offer.kind, offer.category, str(offer.amount), offer.currency) == (
        "cash",
        "cash",
        "250.5000",
        "TND",
    )
    assert offer.quantity is None


def test_offer_without_contact_is_kept_without_email(client, running):
    data = valid_offer(email="", phone="", name="", name_public="")
    assert client.post(OFFER_URL.format(lang="ar"), data).status_code == 302
    assert Offer.objects.count() == 1 and mail.outbox == []


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Enter how many (or how much) you offer."),
        ("fr", "Indiquez combien vous offrez."),
        ("ar", "اكتبوا الكمية التي تعرضونها."),
    ],
)
def test_invalid_offer_keeps_what_was_typed_and_names_the_problem(client, running, lang, message):
    response = client.post(
        OFFER_URL.format(lang=lang), valid_offer(quantity="", message="Mes colis")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert (
        'value="Salma B."' in html and "Mes colis" in html and 'value="salma@example.net"' in html
    )
    assert Offer.objects.count() == 0 and mail.outbox == []


def test_bad_values_are_refused_field_by_field(client, running):
    data = valid_offer(
        kind="cash",
        amount="-5",
        email="not-an-email",
        phone="call me",
        name="",
        category="",
        quantity="",
        unit="",
    )
    response = client.post(OFFER_URL.format(lang="en"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value is greater than or equal to" in html
    assert "Enter a valid email address." in html
    assert "Enter a phone number (digits only)." in html
    assert "Write the name to show, or untick the box." in html
    assert Offer.objects.count() == 0


def test_too_many_decimals_for_the_currency(client, running):
    data = valid_offer(
        kind="cash", amount="10.555", currency="EUR", category="", quantity="", unit=""
    )
    response = client.post(OFFER_URL.format(lang="en"), data)
    assert response.status_code == 200
    assert "EUR has at most 2 decimals." in response.content.decode()


def test_size_limits(client, running):
    response = client.post(OFFER_URL.format(lang="en"), valid_offer(message="x" * 1001))
    assert response.status_code == 200
    assert "at most 1000 characters" in response.content.decode()
    huge = client.post(OFFER_URL.format(lang="en"), valid_offer(message="x" * 20000))
    assert huge.status_code == 413
    assert Offer.objects.count() == 0


def test_honeypot_spam_is_thanked_and_dropped(client, running):
    response = client.post(OFFER_URL.format(lang="en"), valid_offer(website="http://spam.example"))
    assert response.status_code == 302
    assert Offer.objects.count() == 0 and mail.outbox == []


@override_settings(PEOPLE_OFFER_RATE=(3, 3600))
def test_rate_limit_per_address(client, running):
    url = OFFER_URL.format(lang="fr")
    for _ in range(3):
        assert client.post(url, valid_offer(), REMOTE_ADDR="10.0.0.1").status_code == 302
    refused = client.post(url, valid_offer(name="Encore"), REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    html = refused.content.decode()
    assert "Trop d’offres" in html or "Trop d'offres" in html
    assert 'value="Encore"' in html  # what was typed is kept
    assert Offer.objects.count() == 3
    other = client.post(url, valid_offer(), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302 and Offer.objects.count() == 4


def test_csrf_is_required(running):
    client = Client(enforce_csrf_checks=True)
    response = client.post(OFFER_URL.format(lang="en"), valid_offer())
    assert response.status_code == 403
    assert Offer.objects.count() == 0


def test_closed_campaign_takes_no_offers(client):
    # Today (the real date) the May 2020 campaign is closed.
    page = client.get("/en/jesr/").content.decode()
    assert "/en/jesr/offer-help/" not in page
    form = client.get(OFFER_URL.format(lang="en"))
    assert form.status_code == 200
    assert "This campaign is not taking offers now" in form.content.decode()
    assert client.post(OFFER_URL.format(lang="en"), valid_offer()).status_code == 409
    assert Offer.objects.count() == 0


def test_unknown_campaign_is_404(client, running):
    assert client.get("/en/nope/offer-help/").status_code == 404
