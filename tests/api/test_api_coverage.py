"""Press coverage in the tracker API: the demo items, filters, detail, budgets, read-only."""

import datetime

import pytest

from campaigns.press.models import Coverage


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_list_shows_the_demo_coverage(anon, demo):
    found = items(anon.get("/api/v1/coverage/"))
    outlets = {item["outlet"] for item in found}
    assert {"التلفزة التونسية", "Facebook – solidarity.alecso"} <= outlets
    tv = next(item for item in found if item["outlet"] == "التلفزة التونسية")
    assert tv["campaign"] == demo["campaign"].pk and tv["medium"] == "tv"
    assert tv["date"] == "2020-05-15" and tv["language"] == "ar" and tv["country"] == "TN"
    assert tv["url"].startswith("https://") and tv["headline"]
    assert tv["clip_url"].startswith("http://testserver/") and ".webm" in tv["clip_url"]
    social = next(item for item in found if item["medium"] == "social")
    assert social["clip_url"] is None
    assert set(tv) == {
        "id",
        "outlet",
        "headline",
        "url",
        "date",
        "medium",
        "language",
        "country",
        "campaign",
        "clip_timecode",
        "clip_url",
        "created_at",
    }


@pytest.fixture
def french_item(campaign):
    """A French article about another campaign, linked to its French page."""
    from wagtail.models import Locale

    french_page = campaign.get_translation(Locale.objects.get(language_code="fr"))
    return Coverage.objects.create(
        outlet="La Presse",
        headline="Des colis pour Kasserine",
        url="https://lapresse.tn/colis",
        date=datetime.date(2020, 5, 20),
        medium="print",
        language="fr",
        campaign=french_page,
    )


def test_filter_by_campaign_language_medium_and_date(anon, demo, campaign, french_item):
    def ids(query):
        return [item["id"] for item in items(anon.get(f"/api/v1/coverage/{query}"))]

    demo_ids = set(Coverage.objects.filter(campaign=demo["campaign"]).values_list("pk", flat=True))
    # Any language's page id of a campaign finds its coverage.
    assert set(ids(f"?campaign={demo['campaign_fr'].pk}")) == demo_ids
    assert ids(f"?campaign={campaign.pk}") == [french_item.pk]
    assert ids("?language=fr") == [french_item.pk]
    assert french_item.pk not in ids("?language=ar")
    assert ids("?medium=print") == [french_item.pk]
    assert ids("?date_after=2020-05-16") == [french_item.pk]
    assert french_item.pk not in ids("?date_before=2020-05-19")
    # The item is linked to the French page; the API names the campaign by its source id.
    [item] = items(anon.get(f"/api/v1/coverage/?campaign={campaign.pk}"))
    assert item["campaign"] == campaign.pk
    bad = anon.get("/api/v1/coverage/?date_after=soon")
    assert bad.status_code == 400 and "date_after" in bad.json()["errors"]


def test_ordering_by_date(anon, demo, french_item):
    dates = [item["date"] for item in items(anon.get("/api/v1/coverage/"))]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2020-05-20"
    dates = [item["date"] for item in items(anon.get("/api/v1/coverage/?ordering=date"))]
    assert dates == sorted(dates) and dates[-1] == "2020-05-20"


def test_detail_and_conditional_get(anon, french_item):
    response = anon.get(f"/api/v1/coverage/{french_item.pk}/")
    assert response.status_code == 200 and response.json()["headline"] == french_item.headline
    assert "public" in response["Cache-Control"]
    again = anon.get(f"/api/v1/coverage/{french_item.pk}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_unknown_item_is_404_json(anon):
    response = anon.get("/api/v1/coverage/999999/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_no_writes(anon, client_for, french_item):
    before = Coverage.objects.count()
    body = {"outlet": "X", "headline": "Y", "url": "https://x.tn", "date": "2020-05-20"}
    for client in (anon, client_for):
        response = client.post_json("/api/v1/coverage/", body)
        assert response.status_code == 405 and response.json()["code"] == "method_not_allowed"
        response = client.generic("DELETE", f"/api/v1/coverage/{french_item.pk}/")
        assert response.status_code == 405
    assert Coverage.objects.count() == before


@pytest.mark.parametrize("size", [5, 100])
def test_coverage_list_queries_do_not_grow_with_page_size(
    anon, demo, size, django_assert_max_num_queries
):
    from wagtailmedia.models import Media

    clip = Media.objects.first()
    Coverage.objects.bulk_create(
        Coverage(
            outlet=f"Outlet {number}",
            headline=f"Headline {number}",
            url=f"https://example.org/{number}",
            date=datetime.date(2020, 6, 1),
            medium="online",
            campaign=demo["campaign_fr"] if number % 2 else demo["campaign"],
            clip=clip if number % 3 == 0 else None,
        )
        for number in range(size)
    )
    with django_assert_max_num_queries(4):
        response = anon.get(f"/api/v1/coverage/?page_size={size}")
    found = response.json()["results"]
    assert len(found) == size
    assert {item["campaign"] for item in found} == {demo["campaign"].pk}
