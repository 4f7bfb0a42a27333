"""The renditions made of every uploaded video, and the ffmpeg arguments for each.

H.264 (baseline/main) with AAC in MP4, ``+faststart`` (the index first, so playback starts
before the whole file arrives): Chromium, Safari and Firefox play it, on every phone.
Heights are capped at the source's (no upscaling); widths keep the aspect ratio, even.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    height: int
    video_kbps: int
    max_kbps: int
    audio_kbps: int
    h264_profile: str
    # Which screens get it (a <source media> query); None: any screen.
    media_query: str | None

    def ffmpeg_args(self, source, target):
        """ffmpeg's argument list to make this rendition of ``source`` into ``target``."""
        return [
            "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(source),
            "-map", "0:v:0", "-map", "0:a:0?",
            "-vf", f"scale=-2:'min({self.height},ih)':flags=bicubic,format=yuv420p",
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", self.h264_profile,
            "-b:v", f"{self.video_kbps}k", "-maxrate", f"{self.max_kbps}k",
            "-bufsize", f"{2 * self.max_kbps}k", "-g", "48",
            "-c:a", "aac", "-b:a", f"{self.audio_kbps}k",
            "-ac", "1" if self.audio_kbps < 64 else "2",
            "-movflags", "+faststart", str(target),
        ]  # fmt: skip


# ≤ 300 kbit/s all told (250 video peak + 48 audio): plays at once on a 400 kbit/s link.
LOW = Profile("low", 240, 200, 250, 48, "baseline", "(max-width: 640px)")
MEDIUM = Profile("medium", 480, 700, 850, 96, "main", "(max-width: 1280px)")
PROFILES = [LOW, MEDIUM]
POSTER = "poster"


def poster_args(source, target, at_seconds=1.0):
    """ffmpeg's arguments for a JPEG poster: one frame ``at_seconds`` in (or the first)."""
    return [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-ss", f"{at_seconds:.2f}", "-i", str(source), "-frames:v", "1",
        "-vf", "scale=-2:'min(720,ih)'", "-q:v", "4", str(target),
    ]  # fmt: skip
