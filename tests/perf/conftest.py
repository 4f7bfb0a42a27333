"""The anonymous page cache switched on, with an empty cache before and after each test."""

import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()
