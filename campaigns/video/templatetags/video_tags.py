"""``{% video_sources media as sources %}``: the <source> list for a video, smallest first."""

import hashlib

from django import template
from django.core.cache import cache

from campaigns.video.models import RenditionState, VideoRendition
from campaigns.video.profiles import PROFILES

register = template.Library()
MEDIA_QUERIES = {profile.name: profile.media_query for profile in PROFILES}


def sources_for(media, renditions):
    """``[{"src", "type", "media"}]``: ready renditions for small screens, then the upload.

    The smallest comes first, so a browser that ignores ``media`` on ``<source>`` plays the
    lightest file; the original, with no query, is for large screens.
    """
    order = {profile.name: index for index, profile in enumerate(PROFILES)}
    ready = sorted(
        (
            r
            for r in renditions
            if r.profile in order and r.state == RenditionState.READY and r.file
        ),
        key=lambda r: order[r.profile],
    )
    sources = [
        {"src": r.file.url, "type": "video/mp4", "media": MEDIA_QUERIES[r.profile]} for r in ready
    ]
    return sources + [{**source, "media": None} for source in media.sources]


def cache_key(media_id, source_name):
    """Where a video's source list is kept (deleted when one of its renditions changes)."""
    digest = hashlib.sha256(source_name.encode()).hexdigest()[:16]
    return f"video:sources:{media_id}:{digest}"


@register.simple_tag
def video_sources(media):
    """The sources of ``media`` for the video block's <video>: kept in the cache, so a
    page render costs no query for them once they are known (one query the first time)."""
    if media is None:
        return []
    key = cache_key(media.pk, media.file.name)
    sources = cache.get(key)
    if sources is None:
        renditions = VideoRendition.objects.filter(media=media, source_name=media.file.name)
        sources = sources_for(media, renditions)
        cache.set(key, sources, 24 * 3600)
    return sources
