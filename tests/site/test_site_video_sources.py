"""A video block offers the ready renditions of the video's current file, smallest first, then
the upload; the video and its renditions come in one query, whatever the cache holds."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamValue
from wagtailmedia import get_media_model

from campaigns.models import CampaignPage
from campaigns.video.models import VideoRendition
from campaigns.video.templatetags.video_tags import video_sources

pytestmark = pytest.mark.django_db

LOW = (
    '<source src="/media/video_renditions/clip-low.mp4" type="video/mp4" '
    'media="(max-width: 640px)">'
)
MEDIUM = (
    '<source src="/media/video_renditions/clip-medium.mp4" type="video/mp4" '
    'media="(max-width: 1280px)">'
)
# (profile, state) of each rendition, whether it was made from an older upload, and the
# <source> elements the visitor's browser gets before the upload's own.
CASES = {
    "not transcoded yet": ([], False, []),
    "ready": ([("low", "ready"), ("medium", "ready"), ("poster", "ready")], False, [LOW, MEDIUM]),
    "medium still running": ([("medium", "running"), ("low", "ready")], False, [LOW]),
    "pending and failed": ([("low", "pending"), ("medium", "failed")], False, []),
    "file replaced since": ([("low", "ready"), ("medium", "ready")], True, []),
}


def add_renditions(media, renditions, replaced):
    source_name = "media/an-older-upload.mp4" if replaced else media.file.name
    for profile, state in renditions:
        VideoRendition.objects.create(
            media=media,
            profile=profile,
            state=state,
            source_name=source_name,
            file=f"video_renditions/clip-{profile}.mp4" if state == "ready" else "",
        )


def video_queries(queries):
    return [
        q["sql"]
        for q in queries
        if '"wagtailmedia_media"' in q["sql"] or '"video_videorendition"' in q["sql"]
    ]


@pytest.mark.parametrize("case", CASES)
def test_a_video_and_its_sources_cost_one_query_on_an_empty_cache(demo, case):
    renditions, replaced, expected = CASES[case]
    campaign = CampaignPage.objects.get(pk=demo["campaign"].pk)
    raw = campaign.promo_video.raw_data[0]
    media = get_media_model().objects.get(pk=raw["value"]["video"])
    add_renditions(media, renditions, replaced)
    upload = f'<source src="{media.url}" type="video/mp4">'
    # The same video twice in one stream: still one query for both.
    stream = StreamValue(campaign.promo_video.stream_block, [raw, raw], is_lazy=True)
    cache.clear()

    with CaptureQueriesContext(connection) as queries:
        html = stream.render_as_block()

    players = re.findall(r"<video .*?</video>", str(html), re.S)
    assert [re.findall(r"<source [^>]*>", player) for player in players] == [
        [*expected, upload],
        [*expected, upload],
    ]
    assert len(video_queries(queries)) == 1, video_queries(queries)


@pytest.mark.parametrize("case", CASES)
def test_a_video_outside_a_block_gets_the_same_sources(demo, case):
    renditions, replaced, expected = CASES[case]
    media = get_media_model().objects.get(
        pk=demo["campaign"].promo_video.raw_data[0]["value"]["video"]
    )
    add_renditions(media, renditions, replaced)
    cache.clear()

    media = get_media_model().objects.get(pk=media.pk)
    with CaptureQueriesContext(connection) as queries:
        sources = video_sources(media)

    expected_srcs = [re.search(r'src="([^"]+)"', source).group(1) for source in expected]
    assert [s["src"] for s in sources] == [*expected_srcs, media.url]
    assert len(queries) == 1  # its renditions, read now
