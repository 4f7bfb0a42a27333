"""Open Graph / Twitter tags with absolute URLs, JSON-LD, share links, sitemap and robots.txt."""

import json
import re
from xml.etree import ElementTree

import pytest
from wagtail.models import Page

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def meta(html, prop):
    return re.findall(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)


def test_campaign_open_graph_uses_absolute_urls(client, demo):
    html = client.get("/fr/jesr/").content.decode()
    assert meta(html, "og:url") == ["http://testserver/fr/jesr/"]
    [image] = meta(html, "og:image")
    assert image.startswith("http://testserver/media/images/") and image.endswith(".jpg")
    assert meta(html, "twitter:image") == [image]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert meta(html, "og:title") == ["Pont de l&#x27;amour – Tunisie"]
    assert meta(html, "og:locale") == ["fr_FR"]
    assert meta(html, "og:site_name") == ["Plateforme de solidarité communautaire"]
    assert sorted(meta(html, "og:locale:alternate")) == ["ar_AR", "en_US"]


def test_page_without_image_falls_back_to_the_site_default(client, demo):
    from home.models import SiteSettings

    settings = SiteSettings.objects.get()
    expected = settings.default_social_image.get_rendition("fill-1200x630|format-jpeg").url
    html = client.get("/en/about/").content.decode()
    assert meta(html, "og:image") == [f"http://testserver{expected}"]


def json_ld(html):
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(payload)["@graph"]


def test_home_declares_the_organisation(client, demo):
    [organisation] = json_ld(client.get("/en/").content.decode())
    assert organisation["@type"] == "NGO"
    assert "ALECSO" in organisation["name"] or "الألكسو" in organisation["name"]
    assert organisation["sameAs"] == ["https://www.facebook.com/solidarity.alecso/"]


def test_campaign_declares_event_and_video(client, demo):
    graph = json_ld(client.get("/en/jesr/").content.decode())
    event, video = graph
    assert (event["@type"], event["startDate"], event["endDate"]) == (
        "Event",
        "2020-05-15",
        "2020-05-30",
    )
    assert event["location"]["identifier"] == "TN"
    assert video["@type"] == "VideoObject"
    assert video["contentUrl"].startswith("http://testserver/") and video["contentUrl"].endswith(
        ".mp4"
    )
    assert video["thumbnailUrl"].startswith("http://testserver/")
    assert video["inLanguage"] == "en"


def test_share_links_need_no_script(client, demo):
    html = client.get("/en/jesr/").content.decode()
    share = html.split('class="share"', 1)[1].split("</nav>", 1)[0]
    target = "http%3A%2F%2Ftestserver%2Fen%2Fjesr%2F"
    for prefix in (
        "https://www.facebook.com/sharer/sharer.php?u=",
        "https://twitter.com/intent/tweet?url=",
        "https://t.me/share/url?url=",
    ):
        assert f'href="{prefix}{target}' in share.replace("&amp;", "&")
    assert "https://wa.me/?text=" in share
    assert 'href="mailto:?subject=' in share
    assert "<script" not in share


def test_sitemap_lists_every_locale_with_alternates(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    urls = {u.find("s:loc", NS).text: u for u in root.findall("s:url", NS)}
    live = Page.objects.live().public().filter(depth__gt=1).count()
    campaigns = CampaignPage.objects.live().public().count()  # each with its needs page
    assert len(urls) == live + campaigns
    for code in ("ar", "fr", "en"):
        assert f"http://testserver/{code}/jesr/lotfi-bouchnak/" in urls
    links = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://testserver/fr/jesr/"].findall("x:link", NS)
    }
    assert links == {
        "ar": "http://testserver/ar/jesr/",
        "fr": "http://testserver/fr/jesr/",
        "en": "http://testserver/en/jesr/",
        "x-default": "http://testserver/ar/jesr/",
    }


def test_robots_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
