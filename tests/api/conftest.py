"""API fixtures: the demo campaign, two partners, their keys, and a JSON client."""
# ruff: noqa: F811  (fixtures imported from the tracker suite are parameters here)

import json

import pytest
from django.core.cache import cache
from django.test import Client

from campaigns.api.models import SCOPES, PartnerApiKey
from tests.tracker.conftest import (  # noqa: F401  (fixtures reused by the API tests)
    campaign,
    cash_need,
    kasserine,
    need,
    other_partner,
    partner,
    sfax,
)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttle counters and cached figures start empty in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def api_fixtures_only(db):
    """These tests build their own campaign, entries and media: set the demo's aside
    (inside the test's transaction, so the demo is back for the next suite)."""
    from campaigns.people.models import Offer
    from campaigns.tracker.models import (
        Contribution,
        ContributionTally,
        Delivery,
        DeliveryTally,
        Need,
    )

    for model in (Offer, Delivery, DeliveryTally, Contribution, ContributionTally):
        model.objects.all().delete()
    Need.objects.filter(locale__language_code__in=["fr", "en"]).delete()
    Need.objects.all().delete()


@pytest.fixture
def no_demo_media(db):
    """The v2 media and document tests count their own files only."""
    from wagtail.documents import get_document_model
    from wagtailmedia.models import get_media_model

    get_media_model().objects.all().delete()
    get_document_model().objects.all().delete()


class ApiClient(Client):
    """A test client that sends JSON and an optional partner key."""

    def __init__(self, raw_key=None, **defaults):
        if raw_key:
            defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw_key}"
        super().__init__(**defaults)

    def post_json(self, path, data=None, **extra):
        body = data if isinstance(data, str | bytes) else json.dumps(data or {})
        return self.post(path, body, content_type="application/json", **extra)


@pytest.fixture
def anon(db):
    return ApiClient()


def issue_key(partner, scopes=SCOPES, name="Stock system"):
    return PartnerApiKey.issue(partner=partner, name=name, scopes=scopes)


@pytest.fixture
def key_pair(partner):
    """(key, raw) of the demo partner, with every scope."""
    return issue_key(partner)


@pytest.fixture
def client_for(key_pair):
    return ApiClient(key_pair[1])


@pytest.fixture
def second_client(partner):
    """Another key of the same partner: a second person, who may confirm deliveries."""
    return ApiClient(issue_key(partner, name="Field office")[1])


@pytest.fixture
def other_client(other_partner):
    return ApiClient(issue_key(other_partner, name="Other org")[1])
