"""If Redis goes away mid-run the site keeps answering (uncached) and the log says so."""

import logging
import shutil
import subprocess

import pytest
from django.core.cache import cache

from portal.cache_outage import RedisOutageFilter

from .conftest import PORT_BASE, skip_unless, stop, wait_for_port

pytestmark = pytest.mark.django_db

REDIS_PORT = PORT_BASE + 30


@pytest.fixture
def redis_server(tmp_path):
    skip_unless(shutil.which("redis-server"), "redis-server is not installed")
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(REDIS_PORT)
    yield process
    stop(process)


@pytest.fixture
def redis_cache(settings, redis_server):
    """The production cache configuration (base.py's REDIS_URL block) on our own Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": "portal-test",
        }
    }
    logger = logging.getLogger("portal.cache")
    outage_filter = next(f for f in logger.filters if isinstance(f, RedisOutageFilter))
    outage_filter.last_warning = None  # each test sees its first warning
    return redis_server


def test_site_survives_redis_going_away(client, redis_cache, caplog, settings):
    # As in production with REDIS_URL: the page, search and fragment caches are on.
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 600
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
