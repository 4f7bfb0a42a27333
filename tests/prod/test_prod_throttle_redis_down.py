"""The API's rate limits hold while Redis is down: counted in each process's memory then."""

import pytest

from campaigns.api import throttling

from .conftest import stop

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_store(monkeypatch):
    store = throttling.ThrottleStore()
    store.local.clear()  # local-memory caches of one name share their storage
    monkeypatch.setattr(throttling, "store", store)
    monkeypatch.setattr(throttling.AnonymousClientThrottle, "cache", store)
    return store


def burst(client, count):
    return [client.get("/api/v1/regions/").status_code for _ in range(count)]


def test_throttling_holds_while_redis_is_down(client, redis_cache, settings, fresh_store):
    settings.TRACKER_API_THROTTLE = {"anon": "6/min", "key": "600/min"}
    settings.TRACKER_API_THROTTLE_PROCESSES = 2
    assert burst(client, 7) == [200] * 6 + [429]  # counted in Redis
    assert not fresh_store.falling_back

    stop(redis_cache)  # Redis dies: the count goes on in this process, at its share (6 ÷ 2)

    statuses = burst(client, 30)
    assert fresh_store.falling_back
    assert statuses[:3] == [200] * 3 and set(statuses[3:]) == {429}
    refused = client.get("/api/v1/regions/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.json()["code"] == "throttled"
    # The Wagtail API v2 shares the anonymous budget, also during the outage.
    assert client.get("/api/v2/pages/").status_code == 429


def test_one_process_keeps_the_whole_rate(client, redis_cache, settings, fresh_store):
    settings.TRACKER_API_THROTTLE = {"anon": "130/min", "key": "600/min"}
    settings.TRACKER_API_THROTTLE_PROCESSES = 1
    stop(redis_cache)
    statuses = burst(client, 140)
    assert statuses == [200] * 130 + [429] * 10, [i for i, s in enumerate(statuses) if s != 200]
