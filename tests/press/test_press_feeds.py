"""RSS 2.0 and Atom feeds of releases and coverage, per language; parsed with feedparser."""

import datetime

import feedparser
import pytest

from campaigns.demo import facts

from .conftest import add_release

pytestmark = pytest.mark.django_db

FEEDS = [
    "/{lang}/press/feeds/releases.rss",
    "/{lang}/press/feeds/releases.atom",
    "/{lang}/press/feeds/coverage.rss",
    "/{lang}/press/feeds/coverage.atom",
]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_parses_without_bozo(client, press, lang, path):
    response, feed = parse(client, path.format(lang=lang))
    assert feed.feed.get("language", lang).startswith(lang) or "atom" in path
    assert feed.entries
    for entry in feed.entries:
        assert entry.link.startswith("http")


def test_french_release_feed_has_the_launch_release_with_absolute_link_date_and_image(
    client, press
):
    response, feed = parse(client, "/fr/press/feeds/releases.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.title.startswith("Espace presse")
    entry = feed.entries[0]
    assert entry.title == facts.RELEASE_TITLE[1]
    assert entry.link == "http://testserver/fr/press/jesr-launch/"
    assert entry.published_parsed[:3] == (2020, 5, 14)  # midnight Tunis time = 23:00 UTC
    assert "+0100" in response.content.decode()  # RFC 822 date with the site's offset
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/png"
    assert enclosure.href.startswith("http://testserver/media/")
    assert int(enclosure.length) > 0


def test_atom_feed_uses_rfc3339_dates_and_enclosure_links(client, press):
    response, feed = parse(client, "/en/press/feeds/releases.atom")
    assert feed.version == "atom10"
    text = response.content.decode()
    assert "<updated>" in text and "+01:00</published>" in text
    assert feed.entries[0].enclosures[0].type == "image/png"


def test_coverage_feed_lists_the_tv_coverage(client, press):
    _response, feed = parse(client, "/en/press/feeds/coverage.rss")
    titles = [entry.title for entry in feed.entries]
    assert any(title.startswith("التلفزة التونسية") for title in titles)
    assert len(feed.entries) == 2
    tv = next(e for e in feed.entries if e.title.startswith("التلفزة"))
    assert tv.enclosures and tv.enclosures[0].type == "video/webm"


@pytest.mark.parametrize("url", ["/de/press/feeds/releases.rss", "/xx/press/feeds/coverage.atom"])
def test_unknown_language_is_404(client, press, url):
    assert client.get(url).status_code == 404


def test_a_published_release_is_in_the_next_feed(client, press):
    before = client.get("/fr/press/feeds/releases.rss").content.decode()
    assert "Nouveau communiqué" not in before
    add_release(press["rooms"]["fr"], "new-one", "Nouveau communiqué", datetime.date(2021, 6, 1))
    after = client.get("/fr/press/feeds/releases.rss").content.decode()
    assert "Nouveau communiqué" in after


def test_every_page_links_its_language_feeds_in_head(client, press):
    html = client.get("/en/jesr/").content.decode()
    head = html.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Press releases (RSS)" '
        'href="http://testserver/en/press/feeds/releases.rss">' in head
    )
    assert "http://testserver/en/press/feeds/coverage.atom" in head
