"""An uploaded video gets a low (240p, ≤ 300 kbit/s) and a medium (480p) H.264/AAC MP4 and a
poster, made by a task with ffmpeg; the page offers them first for small screens, still with
preload="none", poster, captions and transcript; the admin lists state, size and bitrate."""

import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtailmedia import get_media_model

from campaigns.models import CampaignPage
from campaigns.video.models import VideoRendition
from campaigns.video.transcode import probe

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg is not installed"),
]


def clip_bytes(tmp_path, seconds=2, size="854x480"):
    target = tmp_path / "upload.mp4"
    subprocess.run(  # noqa: S603
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
         "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "3000k", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-b:a", "128k", str(target)],
        check=True,
    )  # fmt: skip
    return target.read_bytes()


def test_an_upload_gets_renditions_and_the_page_offers_them(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.VIDEO_RENDITIONS_ON_UPLOAD = True
    cache.clear()
    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    media = campaign.promo_video[0].value["video"]
    with django_capture_on_commit_callbacks(execute=True):
        media.file.save("campaign-upload.mp4", ContentFile(clip_bytes(tmp_path)))
    renditions = {r.profile: r for r in VideoRendition.objects.filter(media=media)}
    assert {name: r.state for name, r in renditions.items()} == {
        "low": "ready", "medium": "ready", "poster": "ready",
    }  # fmt: skip
    low, medium = renditions["low"], renditions["medium"]
    assert (low.height, medium.height) == (240, 480)
    assert low.bitrate <= 300_000 < medium.bitrate
    assert low.size < medium.size
    with low.file.open("rb") as handle:
        local = tmp_path / "low.mp4"
        local.write_bytes(handle.read())
    assert probe(local)["height"] == 240
    media.refresh_from_db()
    assert media.thumbnail  # the poster frame, for the media listing and the API

    html = client.get("/ar/jesr/").content.decode()
    video = html[html.index("<video") : html.index("</video>")]
    assert 'preload="none"' in video and 'poster="' in video
    low_at = video.index(
        f'<source src="{low.file.url}" type="video/mp4" media="(max-width: 640px)">'
    )
    medium_at = video.index(f'src="{medium.file.url}" type="video/mp4" media="(max-width: 1280px)"')
    upload_at = video.index(f'<source src="{media.url}" type="video/mp4">')
    assert low_at < medium_at < upload_at
    assert '<track kind="captions" srclang="ar"' in video
    assert '<details class="transcript">' in html

    admin = get_user_model().objects.create_superuser("t-video", "v@example.org", "pw")
    client.force_login(admin)
    listing = client.get("/admin/video_renditions/").content.decode()
    assert f"{low.size // 1024}" in listing or f"{round(low.size / 1024)}" in listing
    assert f"{round(low.bitrate / 1000)}" in listing


def test_a_broken_upload_is_marked_failed_with_ffmpegs_message(
    settings, django_capture_on_commit_callbacks
):
    settings.VIDEO_RENDITIONS_ON_UPLOAD = True
    media = get_media_model()(title="broken", type="video", duration=1)
    with django_capture_on_commit_callbacks(execute=True):
        media.file.save("broken.mp4", ContentFile(b"not a video"), save=False)
        media.save()
    low = VideoRendition.objects.get(media=media, profile="low")
    assert low.state == "failed"
    assert "Invalid data" in low.error or "moov atom not found" in low.error
