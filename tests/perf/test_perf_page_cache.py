"""The origin's anonymous page cache: fast on repeat, never stale, never personal."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.tracker import aggregates, services

GIFTS = re.compile(r"<dt>Gifts recorded</dt>\s*<dd><strong>([^<]+)</strong>")


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_a_repeated_anonymous_render_is_served_without_queries(client, demo, page_cache):
    url = demo["campaign"].url
    assert get(client, url)["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        again = get(client, url)
    assert again["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert demo["campaign"].title in again.content.decode()
    assert "public" in again["Cache-Control"]  # the edge may still keep it
    assert again["Content-Language"] == "ar"


def test_each_language_has_its_own_copy(client, demo, page_cache):
    get(client, demo["campaign"].url)
    french = get(client, demo["campaign_fr"].url).content.decode()
    assert demo["campaign_fr"].title in french
    assert 'lang="fr"' in french


def test_a_published_change_shows_on_the_next_anonymous_request(client, demo, page_cache):
    page = demo["campaign"]
    get(client, page.url)
    assert get(client, page.url)["X-Page-Cache"] == "hit"
    page.title = "عنوان جديد للحملة"
    page.save_revision().publish()
    fresh = get(client, page.url)
    assert fresh.get("X-Page-Cache") != "hit"
    assert "عنوان جديد للحملة" in fresh.content.decode()


def test_a_change_to_the_campaign_also_reaches_the_cached_home_page(client, demo, page_cache):
    home_url = demo["home"].url
    get(client, home_url)
    page = demo["campaign"]
    page.title = "حملة بعنوان آخر"
    page.save_revision().publish()
    assert "حملة بعنوان آخر" in get(client, home_url).content.decode()


def test_an_unpublished_page_is_not_served_from_the_cache(client, demo, page_cache):
    page = demo["campaign_fr"]
    url = page.url
    get(client, url)
    page.unpublish()
    assert client.get(url).status_code == 404


def test_a_recorded_contribution_changes_the_totals_shown(client, demo, page_cache):
    campaign, english = demo["campaign"], demo["campaign_en"]
    before = GIFTS.search(get(client, english.url).content.decode()).group(1)
    assert get(client, english.url)["X-Page-Cache"] == "hit"
    partner = campaign.campaign_partners.first().partner
    services.record_contribution(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        kind="cash",
        amount="25",
        currency="EUR",
        status="received",
    )
    expected = aggregates.totals_for(campaign)["contributions"]
    after = GIFTS.search(get(client, english.url).content.decode()).group(1)
    assert after != before
    assert after == str(expected)


def test_a_logged_in_visitor_is_never_served_from_the_cache(client, demo, page_cache):
    from django.contrib.auth import get_user_model

    url = demo["campaign"].url
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    editor = get_user_model().objects.create_superuser("perf-editor", "e@example.org", "x")
    client.force_login(editor)
    personal = get(client, url)
    assert personal.get("X-Page-Cache") is None
    assert "private" in personal["Cache-Control"]
    assert "wagtail-userbar" in personal.content.decode()  # their own toolbar, not the copy
    client.logout()
    client.cookies.clear()
    assert "wagtail-userbar" not in get(client, url).content.decode()


def test_a_query_string_or_an_off_switch_bypasses_the_cache(client, demo, settings, page_cache):
    url = demo["campaign"].url
    get(client, url)
    assert get(client, url + "?utm=x").get("X-Page-Cache") is None
    settings.PAGE_CACHE_SECONDS = 0
    assert get(client, url).get("X-Page-Cache") is None


def test_visitors_searches_and_pending_offers_keep_the_cached_pages(client, demo, page_cache):
    from campaigns.people.models import Offer
    from search.models import SearchTerm

    url = demo["campaign"].url
    get(client, url)
    client.get("/ar/search/", {"q": "كلمة لم يبحث عنها أحد"})
    assert SearchTerm.objects.filter(example="كلمة لم يبحث عنها أحد").exists()
    assert get(client, url)["X-Page-Cache"] == "hit"
    offer = Offer.objects.first()
    offer.save()  # a write of a pending offer (not shown on any page)
    assert get(client, url)["X-Page-Cache"] == "hit"
