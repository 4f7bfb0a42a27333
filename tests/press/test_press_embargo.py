"""Embargo: a release scheduled for later is invisible everywhere until its time, then
appears by itself at the worker schedule's next tick (no operator, no cron) — checked with a
moving clock. Visitors' requests play no part in it."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.press.models import PressReleasePage
from campaigns.press.tasks import publish_scheduled_pages

pytestmark = pytest.mark.django_db

TITLE = "بلاغ تحت الحظر embargotest"


@pytest.fixture
def scheduled(press):
    """An Arabic release approved for publication in two days."""
    go_live = timezone.now() + datetime.timedelta(days=2)
    release = PressReleasePage(
        slug="embargoed",
        title=TITLE,
        release_date=go_live.date(),
        summary="embargotest summary",
        live=False,
    )
    press["rooms"]["ar"].add_child(instance=release)
    release.go_live_at = go_live
    release.save_revision().publish()
    release.refresh_from_db()
    assert not release.live  # Wagtail holds it back until publish_scheduled
    return release, go_live


def tick():
    """What the worker's schedule does every minute (tests run tasks as they are enqueued)."""
    publish_scheduled_pages.enqueue()


def channels(client, release):
    """Where the release can be seen: each channel a visitor or a front end uses."""
    api_list = client.get(
        "/api/v2/pages/", {"type": "press.PressReleasePage", "limit": 20, "fields": "title"}
    ).json()
    return {
        "page": client.get("/ar/press/embargoed/").status_code == 200,
        "listing": TITLE in client.get("/ar/press/").content.decode(),
        "rss": "/ar/press/embargoed/"
        in client.get("/ar/press/feeds/releases.rss").content.decode(),
        "atom": "/ar/press/embargoed/"
        in client.get("/ar/press/feeds/releases.atom").content.decode(),
        "sitemap": "/ar/press/embargoed/" in client.get("/sitemap.xml").content.decode(),
        "api_list": any(item["title"] == TITLE for item in api_list["items"]),
        "api_detail": client.get(f"/api/v2/pages/{release.pk}/").status_code == 200,
        "search": TITLE in client.get("/ar/search/", {"q": "embargotest"}).content.decode(),
    }


def test_scheduled_release_is_hidden_everywhere_then_appears_by_itself(client, scheduled):
    release, go_live = scheduled
    hidden = channels(client, release)
    assert not any(hidden.values()), hidden

    with time_machine.travel(go_live - datetime.timedelta(minutes=1)):
        tick()
        just_before = channels(client, release)
    assert not any(just_before.values()), just_before

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        tick()
        after = channels(client, release)
    assert all(after.values()), after
    release.refresh_from_db()
    assert release.live


def test_the_launch_release_stays_visible_meanwhile(client, scheduled):
    assert "jesr-launch" in client.get("/ar/press/feeds/releases.rss").content.decode()


def test_a_live_release_with_a_future_go_live_time_is_still_refused(client, press):
    """Belt and braces: a page made live by other means before its time stays hidden."""
    release = PressReleasePage(
        slug="forced",
        title="forced live",
        release_date=datetime.date(2030, 1, 1),
        summary="x",
        go_live_at=timezone.now() + datetime.timedelta(hours=3),
    )
    press["rooms"]["ar"].add_child(instance=release)
    assert release.live
    assert client.get("/ar/press/forced/").status_code == 404
    assert "forced live" not in client.get("/ar/press/").content.decode()
    assert "/ar/press/forced/" not in client.get("/ar/press/feeds/releases.rss").content.decode()


def test_page_requests_never_look_the_schedule_up(client, press, scheduled):
    """Not even the first request on an empty cache (a deploy, a Redis restart): the schedule
    is the worker's business (it cost every cold render one query)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/ar/press/").status_code == 200
    assert not [q for q in queries.captured_queries if "approved_go_live_at" in q["sql"]]


def test_a_schedule_set_later_is_published_at_the_next_tick_after_its_time(
    client, press, scheduled
):
    """Each release at its own time: the later one first, the embargoed one still hidden."""
    client.get("/ar/")
    later = PressReleasePage(
        slug="later",
        title="later release",
        release_date=datetime.date(2030, 1, 1),
        summary="x",
        live=False,
    )
    press["rooms"]["ar"].add_child(instance=later)
    later.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    later.save_revision().publish()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, minutes=1)):
        tick()
        assert client.get("/ar/press/later/").status_code == 200
        assert client.get("/ar/press/embargoed/").status_code == 404  # still two days away
