"""/healthz answers 200 when database, cache and storage work, and 503 naming what failed."""

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db

CLOSED_PORT = "127.0.0.1:1"  # nothing listens on port 1: a dependency that is down


def test_all_parts_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "cache": "ok", "storage": "ok"}


def test_database_down_is_named(client, monkeypatch):
    from portal import health

    def broken_cursor():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["database"]
    assert body["checks"]["database"].startswith("fail")
    assert body["checks"]["cache"] == "ok"


def test_cache_down_is_named(client, settings):
    # The production cache configuration (errors ignored) pointed at a Redis that is down.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]


def test_storage_down_is_named(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "portal.storage.PublicMediaStorage",
            "OPTIONS": {
                "bucket_name": "media",
                "endpoint_url": f"http://{CLOSED_PORT}",
                "access_key": "key",
                "secret_key": "secret",
                "region_name": "us-east-1",
            },
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["storage"]
    assert body["checks"]["database"] == "ok"


def test_ping_touches_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/ping")
    assert response.status_code == 200
    assert response.content == b"ok"
