"""What a visitor typed is echoed isolated (``<bdi dir="auto">``), so a query in another
direction cannot reorder the sentence around it: «نتائج البحث عن «0 :»!ALECSO 2020» was
what Chromium showed for ``ALECSO 2020!`` on the Arabic page."""

import re

import pytest

pytestmark = pytest.mark.django_db

ECHOES = r'<(?:p class="search-summary"|li class="search-empty")[^>]*>(.*?)</(?:p|li)>'


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
@pytest.mark.parametrize(
    ("query", "lang"), [("ALECSO 2020!", ""), ("جسر", "ar"), ("zzqxjv <b>", "")]
)
def test_every_echo_of_the_query_is_isolated(client, language, query, lang):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    echoes = re.findall(ECHOES, html, re.S)
    assert echoes, "no echo of the query"
    escaped = query.replace("<", "&lt;").replace(">", "&gt;")
    lang_attr = f' lang="{lang}"' if lang and language != lang else ""
    for echo in echoes:
        assert f'<bdi dir="auto"{lang_attr}>{escaped}</bdi>' in echo, echo


def test_the_search_submit_is_styled_as_the_sites_buttons(client):
    """An unstyled native button (not bold, the system's grey) was the search submit."""
    html = client.get("/ar/search/", {"q": "جسر"}).content.decode()
    form = html.split('class="search-form"', 1)[1].split("</form>", 1)[0]
    assert re.search(r'<button type="submit" class="button">', form)
