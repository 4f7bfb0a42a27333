"""A campaign whose address is Arabic (the admin derives the slug from the Arabic title) works
on every route that takes a page's slug, in every language."""

import datetime
from urllib.parse import unquote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import SlugConverter
from wagtail.models import Locale

from tests.factories import CampaignFactory

pytestmark = pytest.mark.django_db

ARABIC_SLUG = "حملة-الأردن"


def _patterns(resolvers, prefix=""):
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


OUR_APPS = ("campaigns.", "home.", "portal.", "search.")


def test_no_route_of_ours_takes_a_slug_with_the_ascii_only_converter():
    """Django's ``<slug:>`` refuses ``حملة-الأردن``: our routes use ``<page_slug:>``."""
    ascii_only = [
        route
        for route, entry in _patterns(get_resolver().url_patterns)
        if entry.lookup_str.startswith(OUR_APPS)
        and any(isinstance(c, SlugConverter) for c in entry.pattern.converters.values())
    ]
    assert ascii_only == []


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_every_campaign_route_answers_for_an_arabic_slug(client, language):
    campaign = CampaignFactory(
        country="JO", slug=ARABIC_SLUG,
        start_date=datetime.date(2020, 5, 15), end_date=datetime.date(2099, 5, 31),
    )  # fmt: skip
    page = campaign.get_translation(Locale.objects.get(language_code=language))
    page_url = page.get_url()
    assert ARABIC_SLUG in unquote(page_url)
    response = client.get(page_url)
    assert response.status_code == 200
    routes = [page_url + "needs/", page_url + "needs/needs.csv", page_url + "needs/data.json"]
    routes.append(page_url + "offer-help/")
    for url in routes:
        assert client.get(url).status_code == 200, url
    # The campaign page links to its needs page and its offer form under the Arabic address.
    html = response.content.decode()
    assert "/needs/" in html
