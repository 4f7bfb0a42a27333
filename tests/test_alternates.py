"""Language switcher, hreflang alternates and canonical links."""

import re

import pytest

pytestmark = pytest.mark.django_db


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def test_switcher_links_to_the_translations_of_the_page(client, demo):
    html = client.get("/fr/jesr/").content.decode()
    links = switcher_links(html)
    assert links == {"ar": "http://testserver/ar/jesr/", "en": "http://testserver/en/jesr/"}


def test_hreflang_lists_every_translation_and_x_default(client, demo):
    html = client.get("/en/jesr/").content.decode()
    assert hreflangs(html) == {
        "ar": "http://testserver/ar/jesr/",
        "fr": "http://testserver/fr/jesr/",
        "en": "http://testserver/en/jesr/",
        "x-default": "http://testserver/ar/jesr/",
    }
    assert '<link rel="canonical" href="http://testserver/en/jesr/">' in html


def test_missing_translation_is_not_listed_and_switcher_goes_home(client, demo):
    demo["campaign_en"].unpublish()
    html = client.get("/fr/jesr/").content.decode()
    assert "en" not in hreflangs(html)
    assert set(hreflangs(html)) == {"ar", "fr", "x-default"}
    assert switcher_links(html)["en"] == "http://testserver/en/"


def test_search_view_switcher_keeps_the_view(client, demo):
    html = client.get("/fr/search/").content.decode()
    assert switcher_links(html)["en"] == "http://testserver/en/search/"


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_not_found_page_declares_no_canonical_address(client, demo, lang):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()
