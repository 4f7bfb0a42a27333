"""A release page: the launch press conference as a journalist reads it."""

import datetime
import json
import re

import pytest
from django.template.loader import render_to_string

from campaigns.press.models import PressIndexPage, PressReleasePage

from .conftest import add_coverage, add_release

pytestmark = pytest.mark.django_db

SPEAKERS_EN = [
    "Mohamed Ould Amar",
    "Ayachi Hammami",
    "Lotfi Bouchnak",
    "Lotfi Bahri",
    "Mohamed Jemni",
]


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_french_launch_release_shows_the_press_conference(client, press):
    response = client.get("/fr/press/jesr-launch/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "vendredi 15 mai 2020, 10:00" in html  # Tunis time
    assert "Siège de l&#x27;ALECSO" in html
    for name in SPEAKERS_EN:
        assert name in html
    assert "Ministre des Droits de l&#x27;homme" in html
    assert "Signature de l&#x27;accord de coopération" in html  # gallery caption
    assert "© ALECSO" in html
    assert "Libre pour un usage éditorial avec mention de la source" in html
    assert "press@solidarity.example.org" in html
    assert 'href="/fr/jesr/"' in html  # the campaign, in French


def test_event_json_ld(client, press):
    data = json_ld(client.get("/en/press/jesr-launch/").content.decode())
    assert data["@type"] == "Event"
    assert data["startDate"] == "2020-05-15T10:00:00+01:00"
    assert data["endDate"] == "2020-05-15T12:00:00+01:00"
    assert data["location"]["name"] == "ALECSO headquarters"
    assert [p["name"] for p in data["performer"]] == SPEAKERS_EN
    assert data["performer"][0]["jobTitle"] == "Prof. Dr, Director-General of ALECSO"
    assert data["image"][0].startswith("http://testserver/media/")


def test_video_waits_for_play_and_has_poster_and_captions_in_the_page_language(client, press):
    html = client.get("/fr/press/jesr-launch/").content.decode()
    video = re.search(r"<video[^>]*>", html).group(0)
    assert 'preload="none"' in video
    assert "poster=" in video
    assert '<track kind="captions"' in html and ".fr.vtt" in html and 'srclang="fr"' in html
    assert "Transcript" in html or "Transcription" in html


def test_arabic_release_is_rtl_with_arabic_speakers(client, press):
    html = client.get("/ar/press/jesr-launch/").content.decode()
    assert 'dir="rtl"' in html
    assert "محمد ولد أعمر" in html and "لطفي بوشناق" in html


def test_release_without_event_has_no_json_ld(client, press):
    from .conftest import add_release

    add_release(press["rooms"]["en"], "plain", "Plain release")
    html = client.get("/en/press/plain/").content.decode()
    assert "application/ld+json" not in html
    assert "Press release" in html


def test_api_exposes_event_details_speakers_and_gallery(client, press):
    release = press["releases"]["en"]
    data = client.get(
        f"/api/v2/pages/{release.pk}/", {"fields": "event_start,venue,speakers,gallery"}
    ).json()
    assert data["event_start"] == "2020-05-15T10:00:00+01:00"
    assert data["venue"] == "ALECSO headquarters"
    assert [s["name"] for s in data["speakers"]] == SPEAKERS_EN
    assert data["gallery"][0]["credit"] == "ALECSO"
    assert data["gallery"][0]["image"]["url"]


def test_page_types_sit_where_they_belong(press):
    room = press["rooms"]["ar"]
    assert PressReleasePage.can_create_at(room)
    assert not PressReleasePage.can_create_at(press["home"])
    assert not PressIndexPage.can_create_at(press["home"])  # one press room per language


def test_campaign_page_shows_its_coverage(client, press):
    html = client.get("/fr/jesr/").content.decode()
    assert "إطلاق مبادرة التضامن المجتمعي – جسر المحبة بمقر الألكسو" in html
    assert 'id="coverage-heading"' in html


@pytest.mark.parametrize("size", [5, 200])
def test_campaign_coverage_include_makes_few_queries(
    rf, press, django_assert_max_num_queries, size
):
    add_coverage(press["campaign"], size)
    request = rf.get("/fr/jesr/")
    with django_assert_max_num_queries(3):
        html = render_to_string(
            "press/includes/campaign_coverage.html",
            {"page": press["campaign_fr"], "request": request},
        )
    assert html.count('<li id="coverage-') == min(size + 2, 10)  # newest 10, demo has 2


def test_a_release_behind_a_password_is_not_in_the_home_page_news(client, press):
    from wagtail.models import PageViewRestriction

    news = add_release(press["rooms"]["fr"], "convoi", "Le convoi part", datetime.date(2031, 1, 1))
    hidden = add_release(press["rooms"]["fr"], "interne", "Note interne", datetime.date(2031, 2, 1))
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    html = client.get("/fr/").content.decode()
    assert news.title in html
    assert hidden.title not in html
