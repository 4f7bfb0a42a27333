"""A method a public address does not take is answered in the visitor's language."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)  # as a real browser's requests are checked


@pytest.mark.parametrize(
    ("lang", "direction", "text"),
    [
        ("ar", "rtl", "هذا العنوان للقراءة فقط"),
        ("fr", "ltr", "Cette adresse peut seulement être consultée"),
        ("en", "ltr", "This address can only be read"),
    ],
)
def test_a_get_only_page_answers_options_in_its_language(browser, demo, lang, direction, text):
    url = f"/{lang}/jesr/needs/"
    response = browser.options(url)
    assert response.status_code == 405
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert text in html
    assert f'href="{url}"' in html  # back to the page itself
    assert response["Allow"] == "GET, HEAD"
    assert browser.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/sitemap.xml", "/fr/jesr/needs/", "/healthz/ping"])
def test_head_is_answered_like_get(browser, demo, url):
    # A crawler or a monitor asking HEAD gets the GET answer's status (was 405).
    assert browser.head(url).status_code == 200
    assert browser.options(url).status_code == 405


def test_the_api_keeps_its_own_json_errors(browser):
    response = browser.options("/api/docs/")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
