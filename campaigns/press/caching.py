"""One version number for every cached feed: bumping it invalidates them all at once."""

import uuid

from django.core.cache import cache

FEEDS_VERSION_KEY = "press:feeds:version"


def feeds_version():
    version = cache.get(FEEDS_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.set(FEEDS_VERSION_KEY, version, None)
    return version


def invalidate_feeds():
    """Called on publish/unpublish of a release and on any coverage change."""
    cache.set(FEEDS_VERSION_KEY, uuid.uuid4().hex[:12], None)
