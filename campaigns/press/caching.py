"""One version number for cached press content (feeds, press-room facts and fragments).

Bumping it invalidates everything at once: on publish/unpublish of a release, the press room
or a campaign, and on any change to coverage, a press contact or a media kit.
"""

import uuid

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "press:content:version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.set(VERSION_KEY, version, None)
    return version


def invalidate_press_content():
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], None)


def cached(name, build, *parts):
    """``build()``, kept in the cache until the press content changes (if it is kept at all:
    ``PRESS_FEED_CACHE_SECONDS`` is 0 without a cache shared by every process)."""
    if settings.PRESS_FEED_CACHE_SECONDS <= 0:
        return build()
    key = ":".join(["press", name, *map(str, parts), content_version()])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.PRESS_FEED_CACHE_SECONDS)
    return value
