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
