"""A page's pictures are looked up together: on an empty cache the campaign page asks the
database for renditions twice (its <head>'s sharing image and clip poster; its lists' logos
and portraits), and with Wagtail's renditions cache warm not at all, whatever its size."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site.conftest import grow_campaign
from tests.site.test_site_query_budget import NO_RENDITION_CACHE

pytestmark = pytest.mark.django_db


def rendition_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'property="og:image" content="http://testserver/media/images/' in html
    assert 'poster="/media/images/' in html  # the clip's poster drawn
    return [q for q in queries.captured_queries if "wagtailimages_rendition" in q["sql"]]


@pytest.mark.parametrize("url", ["/ar/jesr/", "/fr/jesr/"])
def test_one_rendition_query_per_place_on_an_empty_cache(client, demo, url):
    grow_campaign(demo["campaign"], 5)
    with NO_RENDITION_CACHE:
        client.get(url)  # the renditions exist, as after the first visitor
        cache.clear()
        assert len(rendition_queries(client, url)) == 2  # was 3: sharing image, poster apart


@pytest.mark.parametrize("url", ["/ar/jesr/", "/fr/jesr/"])
def test_no_rendition_query_once_the_renditions_cache_knows_them(client, demo, url):
    grow_campaign(demo["campaign"], 5)
    client.get(url)
    client.get(url)
    assert rendition_queries(client, url) == []  # the lists' logos and portraits queried
