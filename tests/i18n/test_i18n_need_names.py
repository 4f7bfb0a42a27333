"""A contribution's or delivery's name shows its need in the reader's language (issue 29).

Entries point at the source (Arabic) need; their names — the listing's first column, the
chooser, the history's and the delete confirmation's titles — and the dashboard's needs
near their deadline read «طرود غذائية» in the French and English admin although the need's
translations exist. Each must show the need's translation's title, and the listings must
name their rows at a fixed number of queries."""

import datetime
import html as entities
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from campaigns.tracker.models import Contribution, Delivery, Need
from tests.conftest import locale

LANGUAGES = ["fr", "en"]
ENTRIES = [Contribution, Delivery]


def translated_title(need, language):
    return need.get_translation(locale(language)).title


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", ENTRIES, ids=lambda m: m.__name__)
def test_an_entrys_name_shows_its_need_in_the_readers_language(demo, model, language):
    entries = list(model.objects.filter(need__isnull=False).select_related("need"))
    assert entries
    with translation.override(language):
        for entry in entries:
            name = str(entry)
            assert translated_title(entry.need, language) in name, name
            assert entry.need.title not in name, name


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", ENTRIES, ids=lambda m: m.__name__)
def test_a_listing_names_its_rows_needs_in_the_readers_language(
    admin_speaking, demo, model, language
):
    url = reverse(model.snippet_viewset.get_url_name("list"))
    html = entities.unescape(admin_speaking(language).get(url).content.decode())
    rows = " ".join(re.findall(r"<tbody>(.*?)</tbody>", html, re.S))
    needs = Need.objects.filter(pk__in=model.objects.values("need"))
    assert [n for n in needs if translated_title(n, language) in rows]
    assert not [n.title for n in needs if n.title in rows]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboards_needs_near_their_deadline_are_in_the_readers_language(
    admin_speaking, demo, language
):
    html = entities.unescape(
        admin_speaking(language).get(reverse("wagtailadmin_home")).content.decode()
    )
    table = re.search(r'<table class="listing listing--dashboard">(.*?)</table>', html, re.S)
    assert table, "the dashboard lists needs near their deadline"
    source = Need.objects.filter(campaign=demo["campaign"], locale=demo["campaign"].locale)
    assert [n for n in source if translated_title(n, language) in table.group(1)]
    assert not [n.title for n in source if n.title in table.group(1)]


def make_entries(model, campaign, count):
    """``count`` entries of ``model`` over the campaign's source needs (a third of the
    contributions toward the campaign alone), after removing the demo's."""
    model.objects.all().delete()
    needs = itertools.cycle(Need.objects.filter(campaign=campaign, locale=campaign.locale))
    now = timezone.now()
    for number in range(count):
        need = next(needs)
        if model is Contribution:
            Contribution.objects.create(
                campaign=campaign,
                need=None if number % 3 == 2 else need,
                partner=need.partner,
                kind="in_kind",
                quantity=5,
                unit="parcel",
                status="pledged",
                pledged_at=now,
                reference=f"Q{number}",
            )
        else:
            Delivery.objects.create(
                campaign=campaign,
                need=need,
                partner=need.partner,
                region=need.region,
                quantity=1,
                delivered_on=datetime.date(2020, 5, 21),
                reference=f"Q{number}",
            )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", ENTRIES, ids=lambda m: m.__name__)
def test_a_listing_names_its_rows_at_a_fixed_number_of_queries(
    admin_speaking, demo, model, language
):
    client = admin_speaking(language)
    url = reverse(model.snippet_viewset.get_url_name("list"))
    counts = {}
    for size in (3, 12):
        make_entries(model, demo["campaign"], size)
        client.get(url)  # caches warmed alike for both sizes
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        body = " ".join(re.findall(r"<tbody>(.*?)</tbody>", response.content.decode(), re.S))
        assert len(re.findall(r"<tr\b", body)) == size
        counts[size] = len(queries)
    assert counts[3] == counts[12], counts
