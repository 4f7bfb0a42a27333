"""Fragments: the site chrome and a page's slow lists kept between real renders.

Kept with Django's ``{% cache %}`` under explicit versions (portal/caching.py) and only with a
cache every process shares (here: ``FRAGMENT_CACHE_SECONDS`` as with Redis), so a visitor sees
the same page, a published change at once, and nobody is ever served someone else's render.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from campaigns.models import CampaignPartner
from campaigns.press.models import Coverage
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize(("url", "budget"), [("/fr/", 7), ("/fr/jesr/", 8), ("/ar/jesr/", 7)])
def test_kept_fragments_give_the_same_page_for_fewer_queries(client, demo, fragments, url, budget):
    fragments.FRAGMENT_CACHE_SECONDS = 0
    client.get(url)
    plain, plain_count = render(client, url)
    fragments.FRAGMENT_CACHE_SECONDS = 600
    first, _ = render(client, url)
    again, count = render(client, url)
    assert first == plain
    assert again == plain  # hreflang, lang/dir, menu, partners, appeals: all as rendered
    assert count <= budget < plain_count, f"{count} queries with fragments, {plain_count} without"


def test_a_published_change_shows_through_every_fragment(client, demo, fragments):
    french = Locale.objects.get(language_code="fr")
    render(client, "/fr/jesr/")
    render(client, "/fr/")

    link = CampaignPartner.objects.filter(campaign=demo["campaign_fr"]).first()
    partner = link.partner.get_translation(french)
    partner.title = "Partenaire renommé"
    partner.save_revision().publish()
    assert "Partenaire renommé" in render(client, "/fr/jesr/")[0]  # the partner grid
    assert "Partenaire renommé" in render(client, "/fr/")[0]  # the home page's logo strip

    campaign = demo["campaign_fr"]
    campaign.title = "Campagne renommée"
    campaign.save_revision().publish()
    home = render(client, "/fr/")[0]
    assert '<a href="/fr/jesr/">Campagne renommée</a>' in home  # the menu in the header

    Coverage.objects.create(  # the coverage list, in the same fragment as the share links
        outlet="La Presse",
        headline="Un nouvel article sur le pont",
        url="https://lapresse.tn/pont-nouveau",
        date=datetime.date.today(),
        medium="print",
        language="fr",
        campaign=demo["campaign_fr"],
    )
    assert "Un nouvel article sur le pont" in render(client, "/fr/jesr/")[0]

    site_settings = SiteSettings.objects.get()
    site_settings.organisation_name = "Organisation renommée"
    site_settings.save()
    assert '<p class="site-footer__org">Organisation renommée</p>' in render(client, "/fr/")[0]


def test_with_a_private_memory_cache_nothing_is_kept(client, demo, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get("/fr/jesr/")
    _, first = render(client, "/fr/jesr/")
    _, again = render(client, "/fr/jesr/")
    assert again == first  # every part rendered from the database each time


def test_a_logged_in_editor_neither_reads_nor_fills_fragments(client, demo, fragments):
    from django.contrib.auth import get_user_model

    url = "/fr/jesr/"
    editor = get_user_model().objects.create_superuser("frag-editor", "f@example.org", "x")
    client.force_login(editor)
    render(client, url)  # the editor's first visit also loads their profile and session
    html, editor_count = render(client, url)
    assert "wagtail-userbar" in html

    client.logout()
    client.cookies.clear()
    html, anonymous_first = render(client, url)
    _, anonymous_again = render(client, url)
    assert "wagtail-userbar" not in html
    assert anonymous_again < anonymous_first  # the editor's renders filled nothing

    client.force_login(editor)
    render(client, url)
    assert render(client, url)[1] == editor_count  # nor read what the anonymous one kept


def test_a_search_keeps_its_own_query_in_the_language_links(client, demo, fragments):
    render(client, "/fr/search/")
    render(client, "/fr/search/?q=eau")
    html = render(client, "/fr/search/?q=pain")[0]
    assert "/ar/search/?q=pain" in html
    assert "q=eau" not in html
