"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Never `playwright install`: the browser is /usr/bin/chromium (apt-get install chromium).
The live server's tests are transactional, and the database is flushed after each one, so
the demo content is put back here (built once, then copied back: snapshot.py). Media files
are served to the browser from MEDIA_ROOT by a Playwright route (the live server serves
static files only), and every request the page makes is recorded.
"""

import contextlib
import importlib
import mimetypes
import os
from pathlib import Path

import pytest

from tests.browser import snapshot

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

sync_api = pytest.importorskip("playwright.sync_api")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    # Playwright's sync API keeps an event loop around; Django's ORM calls in the test
    # thread are still synchronous. Restored afterwards so no other test inherits it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_api.sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield browser
    browser.close()
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def rebuild_base():
    """What the migrations created and a flush removed: locales, root, home page, site."""
    from wagtail.models import Collection, Locale, Page, Site

    from home.models import HomePage

    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    for code in ("fr", "en"):
        Locale.objects.get_or_create(language_code=code)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=arabic))
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    regions = importlib.import_module("campaigns.tracker.migrations.0002_tunisia_governorates")
    from campaigns.tracker.models import Region

    if not Region.objects.exists():
        regions.add_governorates(apps, None)
    if not Region.objects.exclude(country="TN").exists():
        from campaigns.tracker.data import load_regions

        load_regions(Region)  # the other Arab League states' (migration 0005)
    if not HomePage.objects.exists():
        root = Page.objects.get(depth=1)
        home = root.add_child(
            instance=HomePage(title="منصة التضامن المجتمعي", slug="home", locale=arabic)
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "site_name": "Solidarity"},
        )


_kept = {}  # this test process's demo rows (tests/browser/snapshot.py)


@pytest.fixture
def demo_site(live_server):
    """The live server's base URL (on 127.0.0.1: Chromium resolves no other name), with the
    demo content in the database: built once per test process, then restored from memory
    after each test's flush."""
    from django.core.cache import cache
    from django.core.management import call_command

    from campaigns.models import CampaignPage

    if CampaignPage.objects.filter(slug="jesr").exists():
        pass  # the session's own build (tests/conftest.py): no browser test has flushed it yet
    elif "demo" in _kept:
        snapshot.restore(_kept["demo"])
    else:
        rebuild_base()
        with open(os.devnull, "w") as quiet:
            call_command("load_demo_content", stdout=quiet)
        _kept["demo"] = snapshot.take()
    cache.clear()
    return live_server.url.replace("localhost", "127.0.0.1")


class Visit:
    """A browser tab that records every request and serves /media/ from MEDIA_ROOT."""

    def __init__(self, context, media_root):
        self.requests = []
        self.page = context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.route("**/media/**", lambda route: self._serve_media(route, media_root))

    @staticmethod
    def _serve_media(route, media_root):
        path = route.request.url.split("/media/", 1)[1].split("?")[0]
        file = Path(media_root) / path
        if not file.is_file():
            return route.fulfill(status=404, body="")
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return route.fulfill(status=200, body=file.read_bytes(), content_type=content_type)

    def video_requests(self):
        return [url for url in self.requests if url.split("?")[0].endswith((".mp4", ".webm"))]


@pytest.fixture
def visit(chromium, settings):
    contexts = []

    def open_tab(javascript=True, **options):
        context = chromium.new_context(java_script_enabled=javascript, **options)
        contexts.append(context)
        return Visit(context, settings.MEDIA_ROOT)

    yield open_tab
    # The live server must be quiet before the flush that ends the test: a request still
    # in flight (an admin thumbnail being rendered) locks SQLite's tables against it.
    for context in contexts:
        for page in context.pages:
            with contextlib.suppress(sync_api.Error):  # one that never settles is closed
                page.wait_for_load_state("networkidle", timeout=10_000)
        context.close()
