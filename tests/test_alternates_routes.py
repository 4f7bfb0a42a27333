"""Routes that are not Wagtail pages keep their place and query across languages (issue 15,
item 4): the language switcher, canonical and hreflang links, and the sitemap."""

import re

import pytest


def _switcher(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {code: href for href, code in re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav)}


def _head_links(html):
    head = html.split("</head>", 1)[0]
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', head).group(1)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', head))
    return canonical, alternates


def _region_id():
    from campaigns.tracker.models import Need

    return Need.objects.filter(region__isnull=False).order_by("pk").first().region_id


def test_needs_switcher_keeps_the_route_and_the_filter(client, db):
    """The failing input: /ar/jesr/needs/?region=13 switched to /fr/jesr/ without the filter."""
    region = _region_id()
    html = client.get(f"/ar/jesr/needs/?region={region}").content.decode()
    links = _switcher(html)
    assert links["fr"] == f"http://testserver/fr/jesr/needs/?region={region}"
    assert links["en"] == f"http://testserver/en/jesr/needs/?region={region}"


def test_needs_page_has_its_own_canonical_and_alternates(client, db):
    html = client.get(f"/fr/jesr/needs/?region={_region_id()}").content.decode()
    canonical, alternates = _head_links(html)
    assert canonical == "http://testserver/fr/jesr/needs/"
    assert alternates == {
        "ar": "http://testserver/ar/jesr/needs/",
        "fr": "http://testserver/fr/jesr/needs/",
        "en": "http://testserver/en/jesr/needs/",
        "x-default": "http://testserver/ar/jesr/needs/",
    }


@pytest.mark.parametrize(
    ("path", "french"),
    [
        ("/ar/jesr/offer-help/", "/fr/jesr/offer-help/"),
        ("/ar/search/?q=%D8%AA%D9%88%D9%86%D8%B3", "/fr/search/?q=%D8%AA%D9%88%D9%86%D8%B3"),
        ("/ar/press/?campaign=jesr&year=2020", "/fr/press/?campaign=jesr&year=2020"),
    ],
)
def test_switcher_keeps_place_and_query(client, db, path, french):
    html = client.get(path).content.decode().replace("&amp;", "&")
    assert _switcher(html)["fr"] == f"http://testserver{french}"
    canonical, _alternates = _head_links(html)
    assert canonical == "http://testserver" + path.replace("/fr/", "/ar/").split("?")[0]


def test_kept_fragments_do_not_mix_a_page_and_its_routes(client, db, fragments):
    """With fragments kept, the needs page must not reuse its campaign page's head/header."""
    client.get("/fr/jesr/")
    canonical, _ = _head_links(client.get("/fr/jesr/needs/").content.decode())
    assert canonical == "http://testserver/fr/jesr/needs/"
    client.get("/fr/press/")
    html = client.get("/fr/press/?year=2020").content.decode()
    assert _switcher(html)["en"] == "http://testserver/en/press/?year=2020"


def test_sitemap_lists_the_needs_pages_with_alternates(client, db):
    xml = client.get("/sitemap.xml").content.decode()
    for code in ("ar", "fr", "en"):
        assert f"<loc>http://testserver/{code}/jesr/needs/</loc>" in xml
    assert 'hreflang="fr" href="http://testserver/fr/jesr/needs/"' in xml
