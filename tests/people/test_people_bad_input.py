"""Requests the offer form cannot even read: an error page in the visitor's language (right to
left in Arabic), never Django's English one, and nothing kept."""

import pytest
from django.test import Client, override_settings

from campaigns.people.models import Offer

from .conftest import OFFER_URL, valid_offer

pytestmark = pytest.mark.django_db

PAGES = [
    ("ar", "rtl", "تعذّر إرسال الاستمارة", "طلب غير صالح"),
    ("fr", "ltr", "Votre formulaire n’a pas pu être envoyé", "Requête invalide"),
    ("en", "ltr", "Your form could not be sent", "Bad request"),
]


def assert_page(response, status, lang, direction, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert heading in html


@pytest.mark.parametrize(("lang", "direction", "csrf_heading", "_bad"), PAGES)
def test_a_form_sent_without_its_security_token_says_what_to_do(
    running, lang, direction, csrf_heading, _bad
):
    """A form left open until its token expired, or cookies blocked (was Django's English page)."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(OFFER_URL.format(lang=lang), valid_offer())
    assert_page(response, 403, lang, direction, csrf_heading)
    assert Offer.objects.count() == 0


@pytest.mark.parametrize(("lang", "direction", "_csrf", "bad_heading"), PAGES)
def test_an_unreadable_upload_is_a_bad_request_page_in_the_pages_language(
    client, running, lang, direction, _csrf, bad_heading
):
    response = client.generic(
        "POST", OFFER_URL.format(lang=lang), b"kind=cash", content_type="multipart/form-data"
    )
    assert_page(response, 400, lang, direction, bad_heading)
    assert Offer.objects.count() == 0


@override_settings(ALLOWED_HOSTS=["testserver"])
@pytest.mark.parametrize(("lang", "direction", "_csrf", "bad_heading"), PAGES)
def test_an_unknown_host_is_a_bad_request_page_in_the_pages_language(
    client, lang, direction, _csrf, bad_heading
):
    response = client.get(f"/{lang}/", HTTP_HOST="evil.example")
    assert_page(response, 400, lang, direction, bad_heading)


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_an_unknown_host_on_the_api_is_a_json_400(client):
    response = client.get("/api/v1/needs/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "La requête n’a pas pu être comprise.",
        "code": "bad_request",
        "errors": {},
    }
