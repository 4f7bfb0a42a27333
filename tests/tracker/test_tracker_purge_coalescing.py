"""A burst of gifts to one campaign leaves as one edge purge, and no gift is left unshown.

The edge is played by ``Edge``: a page is rendered once and served from its copy until a
purge removes it. Tasks are recorded by django-tasks' ``DummyBackend`` and run by the test
as the worker would, so the test sees how many purges a burst enqueues.
"""

import re

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks import task_backends
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from tests.tracker.conftest import gift

GIFTS = re.compile(r"<dt>Gifts recorded</dt>\s*<dd><strong>([^<]+)</strong>")
PURGE_TASK = "campaigns.tracker.signals.purge_campaign"


class Edge(BaseBackend):
    """The edge cache: ``copies`` of pages by path, dropped when purged; ``during_purge`` (a
    callable) runs once, at the first URL purged (a write committed while a purge runs)."""

    client = None
    copies = {}
    during_purge = None

    def purge(self, url):
        if Edge.during_purge is not None:
            during, Edge.during_purge = Edge.during_purge, None
            during()
        Edge.copies.pop("/" + url.split("/", 3)[3], None)

    @classmethod
    def gifts_shown(cls, path):
        if path not in cls.copies:
            cls.copies[path] = cls.client.get(path).content.decode()
        return int(GIFTS.search(cls.copies[path]).group(1))


@pytest.fixture
def edge(settings, client):
    """Tasks recorded (not run), purges coalesced, an empty edge in front of the site."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "video"],
        }
    }
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "tests.tracker.test_tracker_purge_coalescing.Edge"}
    }
    settings.TRACKER_PURGE_COALESCE = True
    settings.TRACKER_PURGE_DELAY_SECONDS = 0.5
    task_backends["default"].clear()
    cache.clear()  # no purge marker left by the fixtures' writes, which never committed
    Edge.client, Edge.copies, Edge.during_purge = client, {}, None
    yield Edge
    task_backends["default"].clear()


def queued_purges():
    """The purge tasks enqueued and not yet run, taken off the queue."""
    results = task_backends["default"].results
    purges = [result for result in results if result.task.module_path == PURGE_TASK]
    results[:] = [result for result in results if result.task.module_path != PURGE_TASK]
    return purges


def run(purges):
    """Run the purge tasks as the worker would."""
    for result in purges:
        result.task.call(*result.args, **result.kwargs)


def test_a_burst_of_gifts_leaves_as_one_deferred_purge_and_every_gift_shows(
    edge, campaign, need, django_capture_on_commit_callbacks
):
    page = campaign.get_translations().get(locale__language_code="en").url
    with django_capture_on_commit_callbacks(execute=True):
        gift(need, quantity="1")
    run(queued_purges())
    assert edge.gifts_shown(page) == 1
    for _ in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            gift(need, quantity="1")
    purges = queued_purges()
    assert len(purges) == 1, [result.args for result in purges]
    assert purges[0].task.run_after is not None  # gathers the burst before it starts
    assert edge.gifts_shown(page) == 1  # the edge keeps its copy until the purge runs
    run(purges)
    assert edge.gifts_shown(page) == 11


def test_a_gift_committed_while_the_purge_runs_gets_a_purge_of_its_own(
    edge, campaign, need, django_capture_on_commit_callbacks
):
    page = campaign.get_translations().get(locale__language_code="en").url
    with django_capture_on_commit_callbacks(execute=True):
        gift(need, quantity="1")
    [first] = queued_purges()

    def another_gift():  # committed after the purge started, before it reached the page
        edge.gifts_shown(page)  # and a visitor refills the edge with the old figures
        with django_capture_on_commit_callbacks(execute=True):
            gift(need, quantity="1")

    edge.copies.pop(page, None)
    edge.during_purge = another_gift
    run([first])
    trailing = queued_purges()
    assert len(trailing) == 1  # the later gift did not count on the purge already running
    run(trailing)
    assert edge.gifts_shown(page) == 2


def test_with_redis_down_every_gift_gets_its_purge_and_shows(
    edge, settings, campaign, need, django_capture_on_commit_callbacks
):
    """django-redis swallows the outage (IGNORE_EXCEPTIONS, as deployed): no marker can be
    kept, so no gift may count on another's purge."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    page = campaign.get_translations().get(locale__language_code="en").url
    for number in (1, 2, 3):
        with django_capture_on_commit_callbacks(execute=True):
            gift(need, quantity="1")
        purges = queued_purges()
        assert len(purges) == 1, f"gift {number}: {len(purges)} purges"
        run(purges)
        assert edge.gifts_shown(page) == number


def test_a_purge_lost_with_its_process_holds_later_gifts_back_for_seconds_only(
    edge, campaign, need, django_capture_on_commit_callbacks
):
    """A web process killed after it claimed the campaign's purge and before the task was
    queued (SIGKILL, out of memory, as ``make load``'s ``worker`` fault does) loses that
    purge. A gift a few seconds later must get a purge of its own, showing every gift."""
    page = campaign.get_translations().get(locale__language_code="en").url
    with time_machine.travel(timezone.now(), tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            gift(need, quantity="1")
        run(queued_purges())
        assert edge.gifts_shown(page) == 1
        with django_capture_on_commit_callbacks(execute=True):
            gift(need, quantity="1")
        assert len(queued_purges()) == 1  # lost with its process: never runs
        clock.shift(settings.TRACKER_PURGE_DELAY_SECONDS + 6)
        with django_capture_on_commit_callbacks(execute=True):
            gift(need, quantity="1")
        run(queued_purges())
    assert edge.gifts_shown(page) == 3
