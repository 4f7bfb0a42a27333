"""Public tracker pages: needs with text figures, no-JS filters, chart with a table, donors'
wall, small-number suppression, open data; fixed query budgets at two sizes."""

import csv
import io
import json
import re
import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse

from campaigns.tracker import services
from campaigns.tracker.models import Need
from campaigns.tracker.signals import invalidate

from .conftest import gift

MONEY = re.compile(r"1\D?500[.,٫]250")  # 1500.250 TND in any locale's separators


def needs_url(campaign, language="ar", name="needs"):
    from django.utils import translation

    with translation.override(language):
        return reverse(f"tracker:{name}", kwargs={"campaign_slug": campaign.slug})


@pytest.fixture
def figures(need, cash_need, member, colleague):
    gift(need, quantity="250", donor_name="Famille Ben Salah", donor_name_public=True)
    gift(need, quantity="100", status="pledged", donor_name="Secret Person",
         donor_contact="secret@example.org")  # fmt: skip
    gift(cash_need, amount="1500.250")
    big = services.record_delivery(
        user=member, need=need, quantity="200", delivered_on="2020-05-20", households_reached=180
    )
    small = services.record_delivery(
        user=member, need=cash_need, quantity="300", delivered_on="2020-05-21", households_reached=6
    )
    for delivery in (big, small):
        services.confirm_delivery(delivery, user=colleague)
    return need, cash_need


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_needs_page_shows_figures_in_words_in_every_language(client, campaign, figures,
                                                             language):  # fmt: skip
    response = client.get(needs_url(campaign, language))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'lang="{language}"' in page
    html_dir = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{html_dir}">' in page
    assert "طرود غذائية للأسر" in page  # no translation yet: the source text
    # …marked as Arabic inside a French or English page.
    marked = ' lang="ar" dir="rtl">طرود غذائية للأسر<'
    assert (marked in page) == (language != "ar")
    assert "250" in page and "500" in page  # received of target, as text
    heading = {"ar": "حصيلة الحملة", "fr": "Totaux de la campagne", "en": "Campaign totals"}
    assert heading[language] in page
    assert MONEY.search(page)


def test_households_below_ten_are_suppressed(client, campaign, figures):
    page = client.get(needs_url(campaign, "en")).content.decode()
    assert "fewer than 10" in page
    assert ">6<" not in page
    assert "أقل من 10" in client.get(needs_url(campaign, "ar")).content.decode()


def test_donors_wall_shows_only_consenting_names(client, campaign, figures):
    page = client.get(needs_url(campaign, "en")).content.decode()
    assert "Famille Ben Salah" in page
    assert "Secret Person" not in page and "secret@example.org" not in page


def test_filters_work_without_javascript(client, campaign, figures, sfax):
    page = client.get(needs_url(campaign, "en"), {"category": "cash"}).content.decode()
    assert "مساعدات مالية" in page and "طرود غذائية للأسر" not in page
    page = client.get(needs_url(campaign, "en"), {"region": sfax.pk}).content.decode()
    assert "طرود غذائية للأسر" not in page
    assert client.get(needs_url(campaign, "en"), {"region": "bogus"}).status_code == 200


def test_chart_is_svg_with_a_table_of_the_same_figures(client, campaign, figures):
    page = client.get(needs_url(campaign, "en")).content.decode()
    assert "<svg viewBox" in page and 'role="img"' in page and "<title" in page
    assert "<table" in page and 'datetime="2020-05-20"' in page


def test_campaign_page_shows_totals_and_links_to_needs(client, campaign, figures,
                                                       django_assert_max_num_queries):  # fmt: skip
    response = client.get(campaign.url)
    assert response.status_code == 200
    page = response.content.decode()
    assert needs_url(campaign) in page
    assert MONEY.search(page)
    from django.template import Context, Template

    invalidate(campaign.pk)
    template = Template('{% include "tracker/includes/campaign_tracker.html" %}')
    with django_assert_max_num_queries(4):
        template.render(Context({"campaign": campaign}))


def test_open_data_csv_has_hxl_row_and_public_fields_only(client, campaign, figures):
    response = client.get(needs_url(campaign, "en", "needs_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][0].startswith("#") and "#adm1+code" in rows[1]
    food = next(r for r in rows[2:] if r[rows[0].index("category")] == "food")
    assert food[rows[0].index("received")] == "250"
    assert food[rows[0].index("delivered")] == "200"
    cash = next(r for r in rows[2:] if r[rows[0].index("category")] == "cash")
    assert cash[rows[0].index("households_reached")] == ""  # 6 < 10: suppressed
    body = response.content.decode()
    assert "Secret Person" not in body and "secret@" not in body
    totals = client.get(needs_url(campaign, "en", "totals_csv")).content.decode()
    assert "#value+received" in totals and "1500.25" in totals


def test_open_data_json(client, campaign, figures):
    data = json.loads(client.get(needs_url(campaign, "fr", "data_json")).content)
    assert data["totals"]["money"][0] == {
        "currency": "TND", "pledged": "0", "received": "1500.25", "distributed": "0",
        "count": "1",
    }  # fmt: skip
    assert {n["category"] for n in data["needs"]} == {"food", "cash"}
    cash = next(n for n in data["needs"] if n["category"] == "cash")
    assert cash["households_reached"] is None and cash["households_suppressed"] is True
    assert "secret" not in json.dumps(data)


def test_unknown_campaign_is_404(client, db):
    assert client.get("/ar/no-such-campaign/needs/").status_code == 404


def make_needs(campaign, partner, region, count):
    Need.objects.bulk_create(
        Need(
            campaign=campaign,
            partner=partner,
            region=region,
            locale_id=campaign.locale_id,
            translation_key=uuid.uuid4(),
            category="food",
            title=f"Need {i}",
            quantity=100 + i,
            unit="parcel",
        )  # fmt: skip
        for i in range(count)
    )
    invalidate(campaign.pk)


@pytest.mark.parametrize("count", [10, 500])
def test_needs_page_query_budget(client, campaign, partner, kasserine, figures, count,
                                 django_assert_max_num_queries):  # fmt: skip
    make_needs(campaign, partner, kasserine, count)
    cache.clear()  # a cold cache (aggregates, site paths): the same count whatever ran before
    with django_assert_max_num_queries(27):  # + the suppressed households per need
        response = client.get(needs_url(campaign, "fr"))
    assert response.status_code == 200
    assert "Need 1<" in response.content.decode() or "Need 1 " in response.content.decode()


def test_needs_page_landmarks_have_unique_names(client, campaign, figures):
    """Two landmarks named by one heading read the same to a screen reader (axe
    landmark-unique): each ``<section>`` or ``role="region"`` has a name of its own."""
    page = client.get(needs_url(campaign, "ar")).content.decode()
    landmarks = re.findall(
        r'<(?:section|[a-z]+ [^>]*role="region")[^>]*aria-labelledby="([^"]+)"', page
    )
    assert "regions-heading" in landmarks
    assert len(landmarks) == len(set(landmarks)), landmarks
