"""The search page as a visitor sees it: labels, excerpts, facets, pages, promotions."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from search.models import SearchTerm
from search.registry import register_snippet, unregister_snippet
from tests.i18n.testmodels import SampleNeed

from .conftest import add_page


def get(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_result_has_type_label_campaign_and_highlighted_excerpt(client, trilingual):
    html = get(client, "ar", q="الادويه")
    assert "توزيع الأدوية على الأسر" in html
    assert 'class="search-result__type">صفحة' in html or "standard page" in html.lower()
    assert "<mark>أدوية</mark>" in html  # the typed spelling marks the written one


def test_french_excerpt_marks_accented_words(client, trilingual):
    html = get(client, "fr", q="medicaments")
    assert "<mark>médicaments</mark>" in html


def test_campaign_facet_and_type_facet(client, demo, trilingual):
    campaign = demo["campaign"]
    other = add_page("ar", "other", "صفحة أخرى", "عن جسر المحبة")  # not under the campaign
    html = get(client, "ar", q="جسر المحبه")
    assert f"campaign={campaign.pk}" in html
    only_campaign = get(client, "ar", q="جسر المحبه", campaign=campaign.pk)
    assert campaign.title in only_campaign
    assert other.title not in only_campaign
    typed = get(client, "ar", q="جسر المحبه", type="campaigns.campaignpage")
    assert typed.count('class="search-result"') == 1


def test_pagination_keeps_the_query(client, demo):
    for number in range(13):
        add_page("fr", f"convoi-{number}", f"Convoi numéro {number}", "Un convoi solidaire.")
    first = get(client, "fr", q="convoi")
    assert first.count('class="search-result"') == 10
    assert "page=2" in first and "q=convoi" in first
    second = get(client, "fr", q="convoi", page=2)
    assert second.count('class="search-result"') == 3
    assert get(client, "fr", q="convoi", page="abc").count('class="search-result"') == 10
    assert get(client, "fr", q="convoi", page=99).count('class="search-result"') == 3


def test_bad_parameters_are_not_errors(client, trilingual):
    assert "توزيع الأدوية" in get(client, "ar", q="الادويه", campaign="abc", page="-1")
    unknown_type = get(client, "ar", q="الادويه", type="<x>")
    assert 'class="search-result"' not in unknown_type and "<x>" not in unknown_type
    assert get(client, "ar", q="x" * 5000)  # long input is cut, not refused


def test_promoted_result_in_the_visitors_language(client, demo, trilingual):
    query = Query.get("جسر المحبة")
    SearchPromotion.objects.create(
        query=query, page=demo["campaign"], description="الحملة الوطنية", sort_order=0
    )
    html = get(client, "fr", q="jesr")  # no promotion for another query
    assert "search-result--promoted" not in html
    arabic = get(client, "ar", q="جسر المحبه")  # typed without the dots: same query
    assert "search-result--promoted" in arabic and "الحملة الوطنية" in arabic
    french_query = Query.get("pont de l'amour")
    SearchPromotion.objects.create(query=french_query, page=demo["campaign"], sort_order=0)
    french = get(client, "fr", q="Pont de l'amour")
    title = escape(demo["campaign_fr"].title)
    assert f'<a href="{demo["campaign_fr"].url}">{title}</a>' in french


def test_searches_are_counted_for_staff(client, admin_user, trilingual):
    get(client, "ar", q="الأدوية")
    get(client, "ar", q="الادويه")
    get(client, "fr", q="zzzz introuvable")
    term = SearchTerm.objects.get(language="ar", query="الادوية")
    assert (term.searches, term.no_result_searches) == (2, 0)
    assert SearchTerm.objects.get(language="fr").no_result_searches == 1
    client.force_login(admin_user)
    report = client.get(reverse("visitor_searches")).content.decode()
    assert "zzzz introuvable" in report and "الادويه" in report


def test_staff_report_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    client.force_login(user)
    assert client.get(reverse("visitor_searches")).status_code in (302, 403)


@pytest.fixture
def registered_needs(test_need_table, demo):
    entry = register_snippet(
        SampleNeed,
        label="Need",
        campaign="campaign",
        url=lambda need: f"/needs/{need.pk}/",
    )
    yield entry
    unregister_snippet(SampleNeed)


def test_registered_snippet_is_searched_in_the_visitors_language(client, demo, registered_needs):
    from wagtail.search import index

    arabic, french = (Locale.objects.get(language_code=c) for c in ("ar", "fr"))
    need = SampleNeed.objects.create(
        locale=arabic, title="حليب أطفال", description="علب حليب للرضع", campaign=demo["campaign"]
    )
    copy = need.copy_for_translation(french)
    copy.title, copy.description = "Lait infantile", "Boîtes de lait pour nourrissons"
    copy.save()
    for obj in (need, copy):
        index.insert_or_update_object(obj)
    arabic_html = get(client, "ar", q="حليب الاطفال")
    assert f"/needs/{need.pk}/" in arabic_html and "Need" in arabic_html
    assert f"campaign={demo['campaign'].pk}" in arabic_html
    french_html = get(client, "fr", q="boites de lait")
    assert f"/needs/{copy.pk}/" in french_html
    assert f"campaign={demo['campaign_fr'].pk}" in french_html  # facet in French
    assert f"/needs/{need.pk}/" not in french_html


@pytest.mark.parametrize("count", [3, 30])
def test_query_budget_does_not_grow_with_results(
    client, demo, count, django_assert_max_num_queries
):
    for number in range(count):
        add_page("en", f"kit-{number}", f"School kit {number}", "Notebooks and pens.")
    with django_assert_max_num_queries(40):
        html = get(client, "en", q="school kit")
    assert html.count('class="search-result"') == min(count, 10)
