"""Shared fixtures: the demo content is built once per test database and rolled back per test."""

import os

import pytest
from django.core.management import call_command

from portal.catalogues import compile_all


def pytest_configure(config):
    compile_all()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # The test-only translatable snippet (tests/i18n/testmodels.py) is in the app registry
    # once any test imports it; its table exists in every worker's database, so views that
    # walk every translatable model (wagtail-localize's locale usage) find it.
    from tests.i18n.testmodels import create_table

    with django_db_blocker.unblock(), open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
        create_table()


def locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


@pytest.fixture
def demo(db):
    """The demo pages: the Arabic source and its French and English translations."""
    from campaigns.models import CampaignPage
    from home.models import HomePage

    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    return {
        "home": HomePage.objects.get(locale__language_code="ar"),
        "campaign": campaign,
        "campaign_fr": campaign.get_translation(locale("fr")),
        "campaign_en": campaign.get_translation(locale("en")),
    }


@pytest.fixture
def fragments(settings):
    """Template fragments kept as with Redis in production ({% cache %} under versions,
    portal/caching.py), with an empty cache before and after the test."""
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def queued(settings):
    """Background work queued, not run, as in production (django-tasks' DummyBackend); yields
    the backend, whose ``results`` are the tasks queued."""
    from django_tasks import task_backends

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "video"],
        }
    }
    task_backends["default"].clear()
    yield task_backends["default"]
    task_backends["default"].clear()


@pytest.fixture
def admin_speaking(client, django_user_model):
    """A superuser's logged-in client, the admin in the given language (and time zone)."""
    from wagtail.users.models import UserProfile

    def speak(language, time_zone=""):
        user = django_user_model.objects.create_superuser(f"s-{language}", "s@example.org", "pw")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.current_time_zone = time_zone
        profile.save()
        client.force_login(user)
        return client

    return speak
