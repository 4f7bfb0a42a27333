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


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_cold_render_draws_no_picture_whose_renditions_exist(client, demo, language):
    """Every public page on an empty cache, once its renditions exist: no original image is
    opened. The home page's hero was its sharing image too: the <head> attached the sharing
    rendition alone, Wagtail took that for all the image had, and redrew the hero's four
    sizes on every cold render (120 ms of a 200 ms render, make bench)."""
    from unittest import mock

    from wagtail.images import get_image_model

    from tests.public_pages import public_states

    image_model = get_image_model()
    opened = []
    original = image_model.open_file

    def open_file(image):
        opened.append(image.title)
        return original(image)

    states = public_states(language)
    cache.clear()  # no rendition of an earlier test's (rolled back) rows
    for _name, path in states:
        client.get(path)  # the renditions exist, as after the first visitor
    with mock.patch.object(image_model, "open_file", open_file):
        for name, path in states:
            cache.clear()
            client.get(path)
            assert opened == [], (name, path, opened)
