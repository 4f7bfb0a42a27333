"""Kept routes: a Wagtail page reached with no routing queries, never past a change.

With fragments on (as with Redis in production), the site and page an address leads to are
kept under the page cache's generation token (portal/route_cache.py). A visitor must see the
same page as a plain render, and any write (publish, unpublish, a new slug, a view
restriction) must take effect on the very next request.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

# What routing reads: the site for the host, a child page by its slug, the view restrictions.
ROUTING = ('FROM "wagtailcore_site"', '"wagtailcore_page"."slug" =', "pageviewrestriction")


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    routing = [q["sql"] for q in queries if any(part in q["sql"] for part in ROUTING)]
    return response, routing


def kept_route_keys():
    return [key for key in cache._cache if ":route:" in key]


@pytest.mark.parametrize("url", ["/ar/", "/ar/jesr/", "/fr/jesr/", "/en/partners/"])
def test_a_kept_route_serves_the_same_page_without_routing_queries(client, demo, fragments, url):
    fragments.FRAGMENT_CACHE_SECONDS = 0
    plain = client.get(url)
    fragments.FRAGMENT_CACHE_SECONDS = 600
    first, routed = get(client, url)
    again, routing = get(client, url)
    assert plain.status_code == first.status_code == again.status_code == 200
    assert again.content == plain.content
    assert routed, "the first request routes through the page tree"
    assert routing == [], f"a kept route read the page tree again: {routing}"


def test_an_unpublished_page_is_gone_on_the_next_request(client, demo, fragments):
    get(client, "/fr/jesr/")
    assert get(client, "/fr/jesr/")[1] == []  # kept
    demo["campaign_fr"].unpublish()
    assert client.get("/fr/jesr/").status_code == 404


def test_a_new_slug_moves_the_page_at_once(client, demo, fragments):
    from campaigns.models import CampaignPage

    get(client, "/fr/jesr/")
    get(client, "/fr/jesr/")
    page = CampaignPage.objects.get(pk=demo["campaign_fr"].pk)
    page.slug = "pont"
    page.save_revision().publish()
    assert client.get("/fr/jesr/").status_code == 404
    moved = client.get("/fr/pont/")
    assert moved.status_code == 200
    assert page.title in moved.content.decode()


def test_a_view_restriction_added_after_the_route_was_kept_applies(client, demo, fragments):
    get(client, "/fr/jesr/")
    get(client, "/fr/jesr/")
    PageViewRestriction.objects.create(
        page=demo["campaign_fr"], restriction_type="password", password="secret"
    )
    response = client.get("/fr/jesr/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()  # the password form, not the page
    assert "no-cache" in response["Cache-Control"]  # and never kept by a shared cache


def test_a_restricted_page_is_never_kept(client, demo, fragments):
    PageViewRestriction.objects.create(page=demo["campaign_fr"], restriction_type="login")
    for _ in range(3):
        response, routing = get(client, "/fr/jesr/")
        assert response.status_code == 302  # to the login page, every time
        assert any("pageviewrestriction" in sql for sql in routing)
    assert not [key for key in kept_route_keys() if key.endswith("/fr/jesr/")]


def test_a_logged_in_editor_neither_keeps_nor_uses_routes(client, demo, fragments):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("route-editor", "r@example.org", "x")
    client.force_login(editor)
    for _ in range(2):
        response, routing = get(client, "/fr/jesr/")
        assert response.status_code == 200
        assert routing  # routed from the database each time
    assert kept_route_keys() == []


def test_without_fragments_nothing_is_kept(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    cache.clear()
    get(client, "/fr/jesr/")
    _, routing = get(client, "/fr/jesr/")
    assert routing
    assert kept_route_keys() == []
