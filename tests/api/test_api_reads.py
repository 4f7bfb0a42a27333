"""Public reads: public fields only, localised text, filters, ordering, pagination, budgets."""

import pytest
from wagtail.models import Locale

from campaigns.tracker import services
from campaigns.tracker.models import Need
from tests.tracker.conftest import gift

PRIVATE = {"donor_contact", "note", "created_by", "recorded_by", "confirmed_by", "override_reason"}


@pytest.fixture
def entries(need, partner):
    """A consenting and an anonymous donor, and a delivery with an internal note."""
    services.record_contribution(
        user=services.SYSTEM,
        partner=partner,
        need=need,
        kind="in_kind",
        quantity="300",
        unit="parcel",
        status="received",
        donor_name="Amina",
        donor_name_public=True,
        donor_contact="amina@example.org",
        note="called twice",
        reference="R-1",
    )
    services.record_contribution(
        user=services.SYSTEM,
        partner=partner,
        need=need,
        kind="in_kind",
        quantity="50",
        unit="parcel",
        donor_name="Secret Donor",
        donor_contact="+216 22 000 000",
        note="private",
    )
    delivery = services.record_delivery(
        user=services.SYSTEM,
        need=need,
        quantity="120",
        delivered_on="2020-05-20",
        households_reached=3,
        note="internal delivery note",
        reference="D-1",
    )
    return delivery


SECRETS = ["amina@example.org", "+216 22 000 000", "Secret Donor", "called twice", "private", "R-1"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/contributions/", "/api/v1/deliveries/", "/api/v1/needs/", "/api/v1/campaigns/"],
)
def test_lists_show_public_fields_only(anon, entries, path):
    response = anon.get(path)
    assert response.status_code == 200
    text = response.content.decode()
    for secret in [*SECRETS, "internal delivery note", "D-1"]:
        assert secret not in text
    for item in response.json()["results"]:
        assert not PRIVATE & set(item)
        assert "reference" not in item


def test_contribution_detail_names_a_donor_only_with_consent(anon, entries):
    results = anon.get("/api/v1/contributions/?ordering=id").json()["results"]
    assert [item["donor_name"] for item in results] == ["Amina", None]
    detail = anon.get(f"/api/v1/contributions/{results[1]['id']}/").json()
    assert detail["donor_name"] is None and "donor_contact" not in detail


def test_delivery_detail_hides_small_household_counts(anon, entries, client_for):
    public = anon.get(f"/api/v1/deliveries/{entries.pk}/").json()
    # No count and no "fewer than" flag: a delivery never says it is the small one.
    assert public["households_reached"] is None and public["households_fewer_than"] is None
    assert "note" not in public and "reference" not in public
    own = client_for.get(f"/api/v1/deliveries/{entries.pk}/").json()
    assert own["households_reached"] == 3 and own["reference"] == "D-1"


def test_partner_key_sees_its_own_reference(entries, client_for, other_client):
    assert "R-1" in client_for.get("/api/v1/contributions/").content.decode()
    assert "R-1" not in other_client.get("/api/v1/contributions/").content.decode()


@pytest.fixture
def translated_need(need):
    """A French translation of the need's text; no English one."""
    from wagtail.models import Locale

    french = need.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Colis alimentaires pour les familles"
    french.description = "Colis de base"
    french.save()
    return need


@pytest.mark.parametrize(
    ("query", "headers", "title", "language"),
    [
        ("?locale=fr", {}, "Colis alimentaires pour les familles", "fr"),
        (
            "",
            {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"},
            "Colis alimentaires pour les familles",
            "fr",
        ),
        ("?locale=en", {}, "طرود غذائية للأسر", "ar"),  # no English text: Arabic, marked
        ("", {}, "طرود غذائية للأسر", "ar"),
    ],
)
def test_need_text_in_the_asked_language_with_arabic_fallback(
    anon, translated_need, query, headers, title, language
):
    response = anon.get(f"/api/v1/needs/{query}", **headers)
    [item] = response.json()["results"]
    assert item["id"] == translated_need.pk  # listed once: the source need
    assert (item["title"], item["text_language"]) == (title, language)
    assert "Accept-Language" in response["Vary"]
    detail = anon.get(f"/api/v1/needs/{translated_need.pk}/{query}", **headers).json()
    assert detail["title"] == title


def test_unknown_locale_is_400(anon):
    response = anon.get("/api/v1/needs/?locale=de")
    assert response.status_code == 400 and "locale" in response.json()["errors"]


def test_campaign_and_partner_titles_are_localised(anon, demo):
    campaign = anon.get(f"/api/v1/campaigns/{demo['campaign'].pk}/?locale=fr").json()
    assert campaign["title"] == demo["campaign_fr"].title and campaign["title_language"] == "fr"
    assert campaign["url"].endswith("/fr/jesr/")
    # A translation's id answers about the same campaign (its source).
    same = anon.get(f"/api/v1/campaigns/{demo['campaign_en'].pk}/?locale=en").json()
    assert same["id"] == demo["campaign"].pk and same["title"] == demo["campaign_en"].title
    partners = anon.get("/api/v1/partners/?locale=en").json()["results"]
    assert partners and all(p["title_language"] == "en" for p in partners)
    region = anon.get("/api/v1/regions/TN-42/?locale=fr").json()
    assert region["name"] == "Kasserine" and region["names"]["ar"] == "القصرين"


def test_filters(anon, entries, need, cash_need, campaign):
    def ids(path):
        return [item["id"] for item in anon.get(path).json()["results"]]

    assert ids("/api/v1/needs/?category=cash") == [cash_need.pk]
    assert ids("/api/v1/needs/?region=TN-42") == [need.pk]
    french = campaign.get_translation(Locale.objects.get(language_code="fr"))
    assert set(ids(f"/api/v1/needs/?campaign={french.pk}")) == {need.pk, cash_need.pk}
    assert ids("/api/v1/needs/?status=met") == []
    assert len(ids("/api/v1/contributions/?status=received")) == 1
    assert len(ids(f"/api/v1/contributions/?partner={need.partner_id}")) == 2
    assert ids("/api/v1/deliveries/?confirmed=true") == []
    assert ids("/api/v1/deliveries/?confirmed=false") == [entries.pk]
    assert ids("/api/v1/deliveries/?updated_since=2999-01-01T00:00:00Z") == []
    assert ids("/api/v1/deliveries/?updated_since=2000-01-01T00:00:00Z") == [entries.pk]
    bad = anon.get("/api/v1/needs/?updated_since=yesterday")
    assert bad.status_code == 400 and "updated_since" in bad.json()["errors"]
    assert anon.get("/api/v1/needs/?campaign=abc").status_code == 400


def test_ordering(anon, entries):
    values = [
        c["quantity"]
        for c in anon.get("/api/v1/contributions/?ordering=quantity").json()["results"]
    ]
    assert values == ["50", "300"]
    values = [
        c["quantity"]
        for c in anon.get("/api/v1/contributions/?ordering=-quantity").json()["results"]
    ]
    assert values == ["300", "50"]


def make_needs(campaign, partner, region, count):
    for number in range(count):
        services.create_need(
            user=services.SYSTEM,
            campaign=campaign,
            partner=partner,
            category="food",
            region=region,
            title=f"حاجة {number}",
            quantity="10",
            unit="parcel",
        )


def test_page_size_has_a_hard_maximum(anon, campaign, partner, kasserine):
    make_needs(campaign, partner, kasserine, 105)
    body = anon.get("/api/v1/needs/?page_size=1000").json()
    assert body["count"] == 105 and len(body["results"]) == 100 and body["next"]


@pytest.mark.parametrize("size", [5, 100])
def test_needs_list_queries_do_not_grow_with_page_size(
    anon, campaign, partner, kasserine, size, django_assert_max_num_queries
):
    make_needs(campaign, partner, kasserine, size)
    for need in Need.objects.all()[:size]:
        gift(need, quantity="1")
    with django_assert_max_num_queries(6):
        response = anon.get(f"/api/v1/needs/?page_size={size}&locale=fr")
    assert len(response.json()["results"]) == size
    assert all(item["figures"]["received"] == "1" for item in response.json()["results"])


@pytest.mark.parametrize("size", [5, 100])
def test_entry_lists_queries_do_not_grow_with_page_size(
    anon, need, size, django_assert_max_num_queries
):
    gift(need, quantity=str(size * 2))
    for _number in range(size):
        gift(need, quantity="1", status="pledged")
        services.record_delivery(
            user=services.SYSTEM, need=need, quantity="1", delivered_on="2020-05-20"
        )
    for path in ("/api/v1/contributions/", "/api/v1/deliveries/"):
        with django_assert_max_num_queries(3):
            response = anon.get(f"{path}?page_size={size}")
        assert len(response.json()["results"]) == size


@pytest.mark.parametrize("size", [5, 100])
def test_directory_lists_queries_are_fixed(anon, size, django_assert_max_num_queries):
    for path in ("/api/v1/campaigns/", "/api/v1/partners/", "/api/v1/regions/"):
        with django_assert_max_num_queries(6):
            assert anon.get(f"{path}?page_size={size}").status_code == 200


def test_campaign_totals_in_at_most_four_queries_plus_the_campaign(
    anon, campaign, need, django_assert_max_num_queries
):
    url = f"/api/v1/campaigns/{campaign.pk}/totals/"
    # Cold: the campaign, its source id (then cached for good), and totals_for's queries: the
    # sums, and the households per need (a need under 10 is left out of every total).
    with django_assert_max_num_queries(6):
        assert anon.get(url).json()["totals"]["in_kind"] == []
    gift(need, quantity="40")  # invalidates the campaign's cached figures
    with django_assert_max_num_queries(5):
        body = anon.get(url).json()
    assert body["totals"]["in_kind"][0]["received"] == "40"
    with django_assert_max_num_queries(1):  # cached until an entry changes
        assert anon.get(url).json() == body


def test_totals_by_group(anon, campaign, need, cash_need):
    gift(need, quantity="40")
    body = anon.get(f"/api/v1/campaigns/{campaign.pk}/totals/?by=region").json()
    keys = {group["key"] for group in body["groups"]}
    assert "TN-42" in keys
    assert anon.get(f"/api/v1/campaigns/{campaign.pk}/totals/?by=colour").status_code == 400


def test_etag_and_conditional_get(anon, need):
    first = anon.get(f"/api/v1/needs/{need.pk}/")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    again = anon.get(f"/api/v1/needs/{need.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    gift(need, quantity="3")  # the figures change, so does the ETag
    changed = anon.get(f"/api/v1/needs/{need.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    listing = anon.get("/api/v1/needs/")
    assert anon.get("/api/v1/needs/", HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304


def test_keyed_reads_are_private(client_for):
    response = client_for.get("/api/v1/needs/")
    assert "private" in response["Cache-Control"]


def test_unknown_entry_is_404_json(anon):
    response = anon.get("/api/v1/needs/999999/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_updated_since_with_an_unusual_offset(anon, entries):
    # ISO 8601 allows +18:22; PostgreSQL does not: the filter works in UTC.
    response = anon.get("/api/v1/deliveries/?updated_since=2000-04-13T23:18:36%2B18:22")
    assert response.status_code == 200 and response.json()["count"] == 1
