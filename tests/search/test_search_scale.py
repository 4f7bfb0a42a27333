"""Many matches, repeated searches: exact counts, a cache that never shows stale results."""

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from campaigns.tracker.models import Need
from search.models import SearchTerm

from .conftest import add_page

BUDGET = 20  # the same for 5 or 50 matches: no query per result
SUMMARY = re.compile(r'class="search-summary"[^>]*>.*?: ([0-9]+)<')


def add_needs(language, count, title, description="Lights for families without power."):
    """``count`` public needs in ``language``, created and indexed in bulk."""
    source = Need.objects.filter(locale__language_code="ar").select_related("campaign").first()
    locale = Locale.objects.get(language_code=language)
    needs = Need.objects.bulk_create(
        Need(
            campaign=source.campaign,
            partner=source.partner,
            region=source.region,
            category=source.category,
            unit=source.unit,
            currency=source.currency,
            quantity=10 + number,
            locale=locale,
            translation_key=uuid.uuid4(),
            title=f"{title} {number}",
            description=description,
        )
        for number in range(count)
    )
    get_search_backend().get_index_for_model(Need).add_items(Need, needs)
    return needs


def search(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response


def total(html):
    return int(SUMMARY.search(html).group(1))


def test_totals_facets_and_pages_count_every_match_beyond_200(client, demo):
    add_needs("en", 205, "Solar lantern")
    html = search(client, "en", q="solar lanterns").content.decode()
    assert total(html) == 205
    assert 'Need <span class="search-facets__count">(205)</span>' in html
    campaign = demo["campaign_en"]
    facet = re.search(rf'campaign={campaign.pk}"[^>]*>[^<]*<span[^>]*>\((\d+)\)', html)
    assert facet and facet.group(1) == "205"
    assert "Page 1 of 21" in html
    last = search(client, "en", q="solar lanterns", page=21).content.decode()
    assert last.count('class="search-result"') == 5
    filtered = search(client, "en", q="solar lanterns", type="tracker.need", page=21)
    assert filtered.content.decode().count('class="search-result"') == 5


def test_pages_and_needs_are_ranked_together_without_repeats(client, demo):
    add_needs("fr", 12, "Lanterne solaire")
    for number in range(12):
        add_page("fr", f"lanterne-{number}", f"Lanterne solaire {number}", "Des lanternes.")
    links = []
    for page in (1, 2, 3):
        html = search(client, "fr", q="lanterne solaire", page=page).content.decode()
        links += re.findall(r'class="search-result__title"><a href="([^"]+)"', html)
    assert total(html) == 24
    assert len(links) == 24  # 10 + 10 + 4
    pages = [link for link in links if "#need-" not in link]
    needs = [link for link in links if "#need-" in link]
    assert len(set(pages)) == 12 and len(needs) == 12  # every match once, none twice


def test_a_published_page_shows_in_the_next_identical_search(client, demo, fragments):
    html = search(client, "fr", q="lanterne solaire").content.decode()
    assert total(html) == 0
    add_page("fr", "lanternes", "Lanternes solaires pour Kasserine", "Des lanternes.")
    fresh = search(client, "fr", q="lanterne solaire")
    assert "Lanternes solaires pour Kasserine" in fresh.content.decode()


def test_a_saved_need_shows_in_the_next_identical_search(client, demo, fragments):
    search(client, "fr", q="lanterne solaire")
    need = Need.objects.filter(locale__language_code="fr").first()
    need.title = "Lanternes solaires"
    need.save()
    html = search(client, "fr", q="lanterne solaire").content.decode()
    assert total(html) == 1
    assert f"#need-{need.translation_key}" in html


def test_a_logged_in_visitor_never_gets_the_anonymous_page(client, demo, fragments):
    search(client, "fr", q="convoi")
    editor = get_user_model().objects.create_superuser("search-editor", "e@example.org", "x")
    client.force_login(editor)
    personal = search(client, "fr", q="convoi")
    assert "wagtail-userbar" in personal.content.decode()  # their own page, not the copy
    assert "private" in personal["Cache-Control"]  # and no shared cache keeps it
    search(client, "fr", q="kasserine")
    client.logout()
    client.cookies.clear()
    anonymous = search(client, "fr", q="kasserine")
    assert "wagtail-userbar" not in anonymous.content.decode()
    assert SearchTerm.objects.get(language="fr", query="convoi").searches == 2


@pytest.mark.parametrize("count", [5, 50])
def test_query_budget_does_not_grow_with_matches(
    client, demo, count, django_assert_max_num_queries
):
    add_needs("en", count, "Solar lantern")
    for number in range(min(count, 12)):
        add_page("en", f"lantern-{number}", f"Solar lantern {number}", "Lanterns.")
    with django_assert_max_num_queries(BUDGET):
        html = search(client, "en", q="solar lantern").content.decode()
    assert total(html) == count + min(count, 12)
    assert html.count('class="search-result"') == 10


@pytest.mark.parametrize("page", ["999999999999999999", "214748365"])
def test_a_page_number_beyond_any_page_shows_the_last_page(client, demo, page):
    response = search(client, "fr", q="pont", page=page)
    assert response.status_code == 200
    assert 'class="search-result"' in response.content.decode()


def test_a_link_with_other_parameters_is_not_kept_for_the_next_visitor(client, demo, fragments):
    first = search(client, "en", q="bridge", ref="alice@example.com")
    assert first.status_code == 200
    second = search(client, "en", q="bridge")
    assert "alice" not in second.content.decode()
