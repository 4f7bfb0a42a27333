"""Read-ahead on the production cache (Redis): a page render's cache reads in one round trip.

portal/read_ahead.py answers a render's ``cache.get`` calls from one MGET of the entries the
last render of the same address read (kept by portal/route_cache.py). A visitor must see
exactly the page a plain render gives, and a value written during the request must be read
back as written.
"""

import pytest
import redis.client
from django.core.cache import cache

from portal import read_ahead

from .conftest import stop

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_trips(monkeypatch):
    """The Redis commands sent while the test runs (one per round trip)."""
    sent = []
    execute = redis.client.Redis.execute_command

    def recording(self, *args, **options):
        sent.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(redis.client.Redis, "execute_command", recording)
    return sent


def behind_the_batch(key, value):
    """Write straight to Redis, as another process would."""
    cache.client.get_client().set(cache.make_key(key), cache.client.encode(value))


def test_reads_come_from_the_batch_and_writes_are_read_back(redis_cache, round_trips):
    cache.set("a", 1)
    cache.set("b", {"figure": 2})
    cache.set("v", "versioned", version=3)
    round_trips.clear()
    read_ahead.start([("a", None), ("b", None), ("v", 3), ("absent", None)], cache)
    try:
        assert round_trips == ["MGET"]  # every version in one round trip
        behind_the_batch("a", 99)
        assert cache.get("a") == 1  # as Redis held it when the batch was read
        assert cache.get("b") == {"figure": 2}
        assert cache.get("v", version=3) == "versioned"
        assert cache.get("absent", "default") == "default"
        assert round_trips == ["MGET", "SET"]  # the reads went nowhere; only our own write

        cache.set("b", "written during the request")
        assert cache.get("b") == "written during the request"
        cache.delete("v", version=3)
        assert cache.get("v", version=3) is None
        assert cache.get("not in the batch") is None  # read from Redis as usual
    finally:
        read = read_ahead.finish()
    assert read == [
        ("a", None),
        ("b", None),
        ("v", 3),
        ("absent", None),
        ("not in the batch", None),
    ]
    assert cache.get("a") == 99  # no batch any more: Redis again


def test_a_campaign_render_reads_the_cache_in_three_round_trips(
    client, demo, redis_cache, round_trips, settings
):
    settings.PAGE_CACHE_SECONDS, settings.FRAGMENT_CACHE_SECONDS = 0, 600
    plain = client.get("/fr/jesr/")  # fills fragments, aggregates, the kept route
    client.get("/fr/jesr/")  # keeps the list of what a render reads
    round_trips.clear()
    again = client.get("/fr/jesr/")
    assert again.status_code == 200
    assert again.content == plain.content
    # The scheduled-releases check, the token with the kept route, and the read-ahead.
    assert round_trips == ["GET", "MGET", "MGET"], round_trips


def test_with_redis_gone_the_batch_is_empty_and_the_page_renders(
    client, demo, redis_cache, settings
):
    settings.PAGE_CACHE_SECONDS, settings.FRAGMENT_CACHE_SECONDS = 0, 600
    client.get("/fr/jesr/")
    client.get("/fr/jesr/")
    stop(redis_cache)
    assert cache.get_entries([("a", None)]) == {}  # a miss, not an exception
    response = client.get("/fr/jesr/")
    assert response.status_code == 200
    assert "Pont de l" in response.content.decode()
