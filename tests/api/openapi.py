"""The served OpenAPI schema for tests: read once, as schemathesis and as a plain document."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections


def load_schema():
    """The served schema, read at collection time, before any test database exists; the
    generated requests then go to the full application."""
    loaded = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler())
    loaded.app = get_wsgi_application()
    return loaded


schema = load_schema()
document = schema.raw_schema


def operations():
    """``(method, path, operation)`` for every operation the schema documents."""
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield method, path, operation


@pytest.fixture
def in_test_transaction():
    """Keep the test's database connection across WSGI calls, as Django's test client does.

    Schemathesis calls the WSGI application directly, whose request signals would close the
    connection (and, on PostgreSQL, the transaction the test runs in).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
