"""The home page costs the same, small number of queries with 5 or 50 partner logos."""

import pytest

from tests.site.conftest import grow_campaign
from tests.site.test_site_query_budget import NO_RENDITION_CACHE, render

pytestmark = pytest.mark.django_db

# Without the renditions cache (single images: the hero, the campaign card's picture):
# 20 when this test was written; 16 since logos are joined, the give link costs one query and
# the menu shares its query with the language switcher.
# 16, plus the view restrictions the news reads to hide restricted releases, plus 2 for the
# running and upcoming campaigns with the overview (campaigns, their pictures) and the link to
# the campaigns index.
BUDGET = 19


def test_home_page_query_budget_at_two_sizes(client, demo, django_assert_max_num_queries):
    home_url = demo["home"].url
    grow_campaign(demo["campaign"], 5)
    small_html, small = render(client, home_url)
    assert small_html.count("bulk-partner-") == 5

    grow_campaign(demo["campaign"], 45, start=5)
    large_html, large = render(client, home_url)
    assert large_html.count("bulk-partner-") == 50
    assert large_html.count('<img alt="Partner ') == 50  # every logo drawn, not just names

    assert large == small, f"{small} queries with 5 partners, {large} with 50"
    with NO_RENDITION_CACHE, django_assert_max_num_queries(BUDGET):
        client.get(home_url)
    assert small <= BUDGET
