"""A campaign page costs the same, small number of queries with 5 or 100 partners and appeals."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from .conftest import grow_campaign

pytestmark = pytest.mark.django_db

BUDGET = 25
# Renditions are normally cached; measure without that cache so an N+1 cannot hide behind it.
NO_RENDITION_CACHE = override_settings(
    CACHES={
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
)


def render(client, url):
    with NO_RENDITION_CACHE:
        # Warm-up: creates the renditions once, as the first visitor would (without filling
        # the small test cache with renditions, which would evict the site's root paths).
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_campaign_page_query_budget_at_two_sizes(client, demo, django_assert_max_num_queries):
    campaign = demo["campaign"]
    grow_campaign(campaign, 5)
    small_html, small = render(client, campaign.url)
    assert small_html.count('class="card appeal-card"') == 6  # 5 + Lotfi Bouchnak

    grow_campaign(campaign, 95, start=5)
    large_html, large = render(client, campaign.url)
    assert large_html.count('class="card appeal-card"') == 101
    assert large_html.count("bulk-partner-") == 100

    with NO_RENDITION_CACHE, django_assert_max_num_queries(BUDGET):
        client.get(campaign.url)
    assert small <= BUDGET
    assert large == small, f"{small} queries with 5, {large} with 100"


@pytest.mark.parametrize("url", ["/fr/jesr/", "/en/jesr/"])
def test_translated_campaign_page_within_budget(client, demo, url):
    html, count = render(client, url)
    assert 'class="card appeal-card"' in html
    assert count <= BUDGET, f"{count} queries on {url}"
