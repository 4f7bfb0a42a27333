"""A campaign page's HTML + CSS + JS stays under 60 KB compressed (bench/page_weight.py)."""

import pytest

from bench.page_weight import BUDGET, page_weight

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/ar/jesr/", "/en/jesr/"])
def test_campaign_page_weight(client, demo, url):
    rows = page_weight(client, url)
    assert {what for what, _raw, _gz in rows} >= {url, "/static/css/portal.css"}
    assert sum(gz for _what, _raw, gz in rows) <= BUDGET
