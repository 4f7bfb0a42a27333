"""The press room page: what a journalist sees in /<lang>/press/, filters, query budget."""

import datetime

import pytest
from django.utils.html import escape

from campaigns.demo import facts
from campaigns.press.models import PressContact

from .conftest import add_coverage, add_release

pytestmark = pytest.mark.django_db


def test_french_press_room_lists_the_launch_release_coverage_kit_contact_and_feeds(client, press):
    response = client.get("/fr/press/")
    assert response.status_code == 200
    html = response.content.decode()
    assert facts.RELEASE_TITLE[1].replace("'", "&#x27;") in html
    assert "/fr/press/jesr-launch/" in html
    assert "التلفزة التونسية" in html  # the TV coverage, headline in its own language
    assert 'lang="ar"' in html
    assert "Dossier de presse – Pont de l&#x27;amour" in html
    assert "/fr/press/media-kit/" in html
    assert "press@solidarity.example.org" in html
    assert "/fr/press/feeds/releases.rss" in html
    assert "/fr/press/feeds/coverage.atom" in html


def test_arabic_press_room_is_right_to_left(client, press):
    html = client.get("/ar/press/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert facts.RELEASE_TITLE[0] in html


def test_filter_by_year_and_campaign_without_javascript(client, press):
    fr_room = press["rooms"]["fr"]
    add_release(fr_room, "annual-report", "Rapport annuel 2021", datetime.date(2021, 1, 10))
    html = client.get("/fr/press/", {"year": "2021"}).content.decode()
    assert "Rapport annuel 2021" in html
    assert "Pont de l&#x27;amour »" not in html  # the 2020 launch release is filtered out
    assert '<option value="2021" selected>' in html

    html = client.get("/fr/press/", {"campaign": "jesr"}).content.decode()
    assert "Rapport annuel 2021" not in html  # not tied to the campaign
    assert "/fr/press/jesr-launch/" in html
    assert '<option value="jesr" selected>' in html

    html = client.get("/fr/press/", {"campaign": "jesr", "year": "2021"}).content.decode()
    assert "/fr/press/jesr-launch/" not in html
    assert "Aucun communiqué" in html or "No press releases yet." in html


def test_nonsense_filters_show_everything_instead_of_failing(client, press):
    response = client.get("/fr/press/", {"year": "abc", "campaign": "<x>", "page": "-3"})
    assert response.status_code == 200
    assert "/fr/press/jesr-launch/" in response.content.decode()


@pytest.mark.parametrize("param", ["page", "coverage_page"])
def test_a_page_number_beyond_any_list_shows_the_first_page(client, press, param):
    """A 20-digit page number overflowed SQLite's OFFSET (a 500)."""
    response = client.get("/fr/press/", {param: "99999999999999999999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "/fr/press/jesr-launch/" in html


def test_long_lists_are_paginated_with_filters_kept(client, press):
    room = press["rooms"]["fr"]
    for i in range(12):
        add_release(room, f"r{i}", f"Communiqué {i}", datetime.date(2021, 1, 1 + i), publish=False)
    html = client.get("/fr/press/", {"year": "2021"}).content.decode()
    assert "Communiqué 11" in html and "Communiqué 1<" not in html
    assert "?year=2021&amp;page=2" in html
    html = client.get("/fr/press/", {"year": "2021", "page": "2"}).content.decode()
    assert "Communiqué 1<" in html


@pytest.mark.parametrize("size", [5, 200])
def test_press_room_query_budget(client, press, django_assert_max_num_queries, size):
    room = press["rooms"]["fr"]
    campaign = press["campaign"]
    for i in range(size):
        add_release(
            room,
            f"bulk-{i}",
            f"Bulk {i}",
            datetime.date(2021, 1, 1) + datetime.timedelta(days=i),
            publish=False,
            related_campaign=campaign,
        )
    add_coverage(campaign, size)
    client.get("/fr/press/")  # warm the per-process caches (site root paths, schedule)
    with django_assert_max_num_queries(20):
        response = client.get("/fr/press/", {"campaign": "jesr"})
    assert response.status_code == 200
    assert f"Bulk {size - 1}" in response.content.decode()
    assert "Outlet" in response.content.decode()


def test_without_a_shared_cache_the_press_room_shows_another_process_s_change(
    client, press, settings
):
    """Per-process memory (no Redis): a change saved by another worker shows at once."""
    settings.FRAGMENT_CACHE_SECONDS = 0
    contact = PressContact.objects.filter(locale__language_code="fr").first()
    assert escape(contact.name) in client.get("/fr/press/").content.decode()
    # Another process saves it: this process's memory cache hears nothing of it.
    PressContact.objects.filter(pk=contact.pk).update(name="Leïla Ben Salah")
    assert "Leïla Ben Salah" in client.get("/fr/press/").content.decode()
