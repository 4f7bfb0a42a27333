"""If Redis goes away mid-run the site keeps answering (uncached) and the log says so."""

import logging

import pytest
from django.core.cache import cache

from .conftest import stop

pytestmark = pytest.mark.django_db


def test_site_survives_redis_going_away(client, redis_cache, caplog, settings):
    # As in production with REDIS_URL: template fragments are kept.
    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.set("figure", 42)
    assert cache.get("figure") == 42  # Redis really is the cache
    assert client.get("/ar/jesr/").status_code == 200

    stop(redis_cache)  # Redis dies mid-run

    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        assert cache.get("figure") is None  # a miss, not an exception
        response = client.get("/ar/jesr/")
        again = client.get("/fr/jesr/")
        search = client.get("/fr/search/", {"q": "pont"})
    assert response.status_code == 200
    assert search.status_code == 200
    assert "جسر المحبة" in response.content.decode()
    assert again.status_code == 200

    warnings = [r for r in caplog.records if r.name == "portal.cache"]
    assert warnings, "the outage must be logged"
    assert warnings[0].levelno == logging.WARNING
    assert "Redis cache unavailable" in warnings[0].getMessage()
    assert len(warnings) == 1  # once per interval, not a traceback per request

    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["failing"] == ["cache"]
