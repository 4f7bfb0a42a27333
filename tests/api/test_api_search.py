"""``?search=`` in both APIs: the site's Arabic-aware matching, in the language asked for."""

import pytest
from wagtail.models import Locale

from campaigns.tracker import services


@pytest.fixture
def medicine_need(campaign, partner, kasserine):
    """A need about medicines, in Arabic with a French translation, in a fresh campaign."""
    need = services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        category="medicine",
        region=kasserine,
        title="الأدوية للمستوصف",
        description="أدوية الأطفال",
        quantity="40",
        unit="box",
    )
    french = need.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Médicaments pour le dispensaire"
    french.description = "Médicaments pour enfants"
    french.save()
    return need


@pytest.fixture
def food_need(campaign, partner, kasserine):
    return services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        category="food",
        region=kasserine,
        title="طرود غذائية",
        quantity="10",
        unit="parcel",
    )


def need_ids(anon, campaign, query):
    response = anon.get(f"/api/v1/needs/?campaign={campaign.pk}&{query}")
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]], response.json()


def test_arabic_search_folds_hamza_and_taa_marbuta(anon, campaign, medicine_need, food_need):
    ids, body = need_ids(anon, campaign, "search=الادويه&locale=ar")
    assert ids == [medicine_need.pk] and body["count"] == 1
    assert body["results"][0]["title"] == "الأدوية للمستوصف"
    ids, _body = need_ids(anon, campaign, "search=غذائيه&locale=ar")
    assert ids == [food_need.pk]


def test_french_search_without_accents_finds_the_french_need(
    anon, campaign, medicine_need, food_need
):
    ids, body = need_ids(anon, campaign, "search=medicaments&locale=fr")
    assert ids == [medicine_need.pk]  # listed once, as its source need, in French
    assert body["results"][0]["title"] == "Médicaments pour le dispensaire"
    assert body["results"][0]["text_language"] == "fr"
    # The search is in the asked language's text only.
    assert need_ids(anon, campaign, "search=medicaments&locale=ar")[0] == []


def test_search_keeps_the_other_filters_and_ordering(anon, campaign, medicine_need, food_need):
    assert need_ids(anon, campaign, "search=الادويه&locale=ar&category=food")[0] == []
    # An empty search is no search.
    assert set(need_ids(anon, campaign, "search=&locale=ar")[0]) == {medicine_need.pk, food_need.pk}
    assert need_ids(anon, campaign, "search=لاشيءهنا&locale=ar")[0] == []
    ordered = need_ids(anon, campaign, "search=الأدوية طرود&locale=ar&ordering=-id")[0]
    assert ordered == sorted(ordered, reverse=True)
    long_query = anon.get("/api/v1/needs/?search=" + "ا" * 5000)
    assert long_query.status_code == 200


@pytest.mark.parametrize("query", ["!!!", "%01", "_", "%D9%8E", "%F1%B5%BF%B4"])
def test_a_search_without_words_finds_nothing_and_never_fails(anon, medicine_need, query):
    for path in ("/api/v1/needs/", "/api/v1/partners/"):
        response = anon.get(f"{path}?search={query}&locale=ar")
        assert response.status_code == 200 and response.json()["results"] == []
    response = anon.get(f"/api/v2/pages/?search={query}&locale=fr")
    assert response.status_code == 200 and response.json()["items"] == []


def test_partner_search(anon, partner):
    from wagtail.models import Locale

    french = partner.get_translation(Locale.objects.get(language_code="fr"))
    word = french.title.split()[0]
    found = anon.get(f"/api/v1/partners/?search={word}&locale=fr").json()["results"]
    assert partner.pk in [item["id"] for item in found]
    found = anon.get(f"/api/v1/partners/?search={partner.title}&locale=ar").json()["results"]
    assert [item["id"] for item in found][0] == partner.pk
    assert anon.get("/api/v1/partners/?search=zzzqqq&locale=fr").json()["results"] == []


def page_ids(anon, query, **headers):
    response = anon.get(f"/api/v2/pages/?{query}", **headers)
    assert response.status_code == 200, response.content
    return [page["id"] for page in response.json()["items"]]


def test_v2_arabic_misspelt_query_finds_the_arabic_campaign(anon, demo):
    # "المحبه" (final ه for ة) as many people type it.
    found = page_ids(anon, "search=جسر المحبه&locale=ar", HTTP_ACCEPT_LANGUAGE="fr")
    assert demo["campaign"].pk in found


def test_v2_french_accentless_query_is_stemmed_in_french(anon, demo):
    # "reunir" for "réunir" in the French summary. Its French stem ("reun") is not its
    # English one ("reunir"): the client's Accept-Language must not decide the stemming.
    found = page_ids(anon, "search=reunir&locale=fr", HTTP_ACCEPT_LANGUAGE="en")
    assert demo["campaign_fr"].pk in found
    assert demo["campaign"].pk not in found and demo["campaign_en"].pk not in found
