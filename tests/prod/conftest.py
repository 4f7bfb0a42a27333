"""Fixtures for the production-stack tests: a purge recorder and real services on loopback.

Ports come from the prod range (8200-8299); PROD_TEST_PORT_BASE moves them elsewhere.
"""

import os

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PORT_BASE = int(os.environ.get("PROD_TEST_PORT_BASE", "8210"))


class RecordingBackend(BaseBackend):
    """A front-end cache backend that remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def purged(settings):
    """The URLs purged during the test (purges run when the transaction commits)."""
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.prod.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    return RecordingBackend.purged
