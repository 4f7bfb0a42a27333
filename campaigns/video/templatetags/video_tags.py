"""``{% video_sources media as sources %}``: the <source> list for a video, smallest first."""

from django import template

from campaigns.video.loading import current_renditions
from campaigns.video.models import RenditionState
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


@register.simple_tag
def video_sources(media):
    """The sources of ``media`` for the video block's <video>. A video block's value comes
    with its renditions (``campaigns.video.loading``): no query here; any other video costs
    one."""
    if media is None:
        return []
    return sources_for(media, current_renditions(media))
