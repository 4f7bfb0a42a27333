"""Make a video's renditions with Debian's ffmpeg and keep them in Django's default storage."""

import json
import logging
import os
import shutil
import subprocess  # noqa: S404 - fixed argument lists, no shell
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction

from .models import RenditionState, VideoRendition
from .profiles import POSTER, PROFILES, poster_args

logger = logging.getLogger(__name__)

FFMPEG_TIMEOUT = 1800  # seconds for one rendition of a long video on a slow machine


class TranscodeError(Exception):
    """ffmpeg could not make a rendition (its message is kept on the rendition)."""


def _run(args):
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=FFMPEG_TIMEOUT)  # noqa: S603
    except FileNotFoundError as error:
        raise TranscodeError(f"{args[0]} is not installed (apt-get install ffmpeg)") from error
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode(errors="replace").strip()[-2000:]
        raise TranscodeError(message or f"{args[0]} exited with {error.returncode}") from error
    except subprocess.TimeoutExpired as error:
        raise TranscodeError(f"{args[0]} took longer than {FFMPEG_TIMEOUT} s") from error


def probe(path):
    """``{"width", "height", "bitrate"}`` of a video file (bit/s over the whole file)."""
    args = [
        "ffprobe", "-v", "error", "-select_streams", "v:0",
        "-show_entries", "stream=width,height:format=bit_rate,duration",
        "-of", "json", str(path),
    ]  # fmt: skip
    try:
        out = subprocess.run(args, check=True, capture_output=True, timeout=60).stdout  # noqa: S603
    except (OSError, subprocess.SubprocessError) as error:
        raise TranscodeError(f"ffprobe failed: {error}") from error
    data = json.loads(out or b"{}")
    stream = (data.get("streams") or [{}])[0]
    fmt = data.get("format") or {}
    bitrate = fmt.get("bit_rate")
    if not bitrate and fmt.get("duration"):
        bitrate = os.path.getsize(path) * 8 / float(fmt["duration"])
    return {
        "width": stream.get("width"),
        "height": stream.get("height"),
        "bitrate": int(float(bitrate)) if bitrate else None,
    }


def _local_copy(media, directory):
    """The upload as a local file (a download from S3 in production)."""
    target = Path(directory) / ("source" + Path(media.file.name).suffix.lower())
    with media.file.open("rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out, 1024 * 1024)
    return target


def _store(rendition, path, name, **fields):
    old = rendition.file.name if rendition.file else None
    with path.open("rb") as handle:
        rendition.file.save(name, File(handle), save=False)
    for key, value in fields.items():
        setattr(rendition, key, value)
    rendition.size = path.stat().st_size
    rendition.state = RenditionState.READY
    rendition.error = ""
    rendition.save()
    if old and old != rendition.file.name:
        rendition.file.storage.delete(old)


def make_renditions(media):
    """Make every profile's rendition and the poster of ``media``; returns them.

    A profile that fails is marked ``failed`` with ffmpeg's message and the others are still
    made; ``TranscodeError`` is raised at the end if any failed (so the task is reported).
    """
    stem = Path(media.file.name).stem[:60]
    renditions = {}
    with transaction.atomic():
        for profile in [*(p.name for p in PROFILES), POSTER]:
            rendition, _ = VideoRendition.objects.update_or_create(
                media=media,
                profile=profile,
                defaults={"state": RenditionState.RUNNING, "source_name": media.file.name},
            )
            renditions[profile] = rendition
    failures = []
    with tempfile.TemporaryDirectory(prefix="portal-video-") as directory:
        source = _local_copy(media, directory)
        for profile in PROFILES:
            target = Path(directory) / f"{profile.name}.mp4"
            try:
                _run(profile.ffmpeg_args(source, target))
                info = probe(target)
                _store(renditions[profile.name], target, f"{stem}.{profile.name}.mp4", **info)
            except TranscodeError as error:
                failures.append(_failed(renditions[profile.name], error))
        target = Path(directory) / "poster.jpg"
        try:
            try:
                _run(poster_args(source, target))
            except TranscodeError:
                _run(poster_args(source, target, at_seconds=0))  # a clip shorter than 1 s
            _store(renditions[POSTER], target, f"{stem}.poster.jpg")
            if not media.thumbnail:
                media.thumbnail.name = renditions[POSTER].file.name
                type(media).objects.filter(pk=media.pk).update(thumbnail=media.thumbnail.name)
        except TranscodeError as error:
            failures.append(_failed(renditions[POSTER], error))
    if failures:
        raise TranscodeError("; ".join(failures))
    return list(renditions.values())


def _failed(rendition, error):
    rendition.state = RenditionState.FAILED
    rendition.error = str(error)
    rendition.save(update_fields=["state", "error", "updated_at"])
    logger.warning("Rendition %s failed: %s", rendition, error)
    return f"{rendition.profile}: {error}"
