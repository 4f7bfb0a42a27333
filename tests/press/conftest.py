"""Press room fixtures: the demo's press rooms and a helper to add releases."""

import datetime

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from campaigns.press.models import Coverage, Medium, PressIndexPage, PressReleasePage


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached feeds and the publishing schedule never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def press(demo):
    """The demo's press rooms and launch release, by language."""
    rooms = {
        code: PressIndexPage.objects.get(locale__language_code=code) for code in ("ar", "fr", "en")
    }
    releases = {
        code: PressReleasePage.objects.get(slug="jesr-launch", locale__language_code=code)
        for code in ("ar", "fr", "en")
    }
    return {**demo, "rooms": rooms, "releases": releases}


def add_release(index, slug, title, day=datetime.date(2021, 3, 1), publish=True, **fields):
    """A release under ``index`` (published through a revision unless publish=False)."""
    release = PressReleasePage(
        slug=slug,
        title=title,
        release_date=day,
        summary=fields.pop("summary", f"{title} summary"),
        locale=index.locale,
        **fields,
    )
    index.add_child(instance=release)
    if publish:
        release.save_revision().publish()
    return release


def add_coverage(campaign, n, day=datetime.date(2021, 3, 1), **fields):
    items = [
        Coverage(
            outlet=f"Outlet {i}",
            headline=f"Headline {i}",
            url=f"https://news.example.org/{i}",
            date=day,
            medium=Medium.ONLINE,
            campaign=campaign,
            **fields,
        )
        for i in range(n)
    ]
    return Coverage.objects.bulk_create(items)


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")
