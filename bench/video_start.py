"""Time to first frame of the campaign video on a slow phone connection, before and after
renditions (campaigns/video).

    .venv/bin/python bench/video_start.py [--kbps 400] [--runs 3] [--seconds 20] [--port 10450]

Makes a 20 s, 1280×720 H.264/AAC clip at about 2.5 Mbit/s (what a phone or an editing
program exports), its renditions with the portal's own ffmpeg profiles, and two pages with the
video block's markup: *before* (the upload only) and *after* (``sources_for``: the renditions
with media queries, then the upload). nginx serves them on loopback (byte ranges, like S3).
Debian's Chromium, with a phone's screen (390×844), throttled through the DevTools protocol
(``Network.emulateNetworkConditions``: ``--kbps`` down and up, 150 ms latency, no cache),
opens each page, checks that no video byte came before play (``preload="none"``), presses
play (muted) and measures, per run:

- ``ttff``: seconds from play() to the first frame presented (``requestVideoFrameCallback``);
- ``bytes``: video bytes received (DevTools ``Network.dataReceived``) by then;
- ``played``: seconds of video shown 15 s after play() (and the stalls, ``waiting`` events).

Prints a Markdown table (median of the runs) for docs/performance.md.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stack import readable_tempdir, stop, wait_for_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
WATCH = 15  # seconds after play() at which the position played is read
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<video controls preload="none" playsinline poster="poster.jpg" width="1280" height="720"
 style="width:100%;height:auto">{sources}</video>"""


def make_clip(directory, seconds):
    clip = directory / "upload.mp4"
    subprocess.run(  # noqa: S603
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
         "-c:v", "libx264", "-preset", "veryfast", "-b:v", "2400k", "-maxrate", "2800k",
         "-bufsize", "5600k", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
         "-movflags", "+faststart", str(clip)],
        check=True,
    )  # fmt: skip
    return clip


def make_renditions(directory, clip):
    from campaigns.video.profiles import PROFILES, poster_args

    renditions = []
    for profile in PROFILES:
        target = directory / f"upload.{profile.name}.mp4"
        subprocess.run(profile.ffmpeg_args(clip, target), check=True)  # noqa: S603
        renditions.append(
            SimpleNamespace(
                profile=profile.name, state="ready", file=SimpleNamespace(url=target.name)
            )
        )
    subprocess.run(poster_args(clip, directory / "poster.jpg"), check=True)  # noqa: S603
    return renditions


def write_pages(directory, renditions):
    import django

    django.setup()
    from campaigns.video.templatetags.video_tags import sources_for

    upload = SimpleNamespace(sources=[{"src": "upload.mp4", "type": "video/mp4"}])

    def tags(sources):
        return "".join(
            f'<source src="{s["src"]}" type="{s["type"]}"'
            + (f' media="{s["media"]}"' if s.get("media") else "")
            + ">"
            for s in sources
        )

    (directory / "before.html").write_text(PAGE.format(sources=tags(upload.sources)))
    (directory / "after.html").write_text(
        PAGE.format(sources=tags(sources_for(upload, renditions)))
    )


def start_nginx(directory, port):
    conf = directory / "nginx.conf"
    conf.write_text(
        f"""daemon off; worker_processes 1; pid {directory}/nginx.pid;
error_log {directory}/error.log;
events {{ worker_connections 64; }}
http {{
  types {{ text/html html; video/mp4 mp4; image/jpeg jpg; }}
  access_log off;
  server {{ listen 127.0.0.1:{port}; root {directory}; }}
}}"""
    )
    nginx = "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(directory)])  # noqa: S603
    wait_for_port(port, process=process)
    return process


def measure(browser, url, kbps):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 150,
            "downloadThroughput": kbps * 1000 / 8,
            "uploadThroughput": kbps * 1000 / 8,
        },
    )
    urls, received = {}, {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.dataReceived",
        lambda e: received.__setitem__(
            e["requestId"], received.get(e["requestId"], 0) + e["encodedDataLength"]
        ),
    )

    def video_bytes():
        return sum(n for rid, n in received.items() if urls.get(rid, "").endswith(".mp4"))

    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    before_play = video_bytes()
    seconds = page.evaluate(
        """() => new Promise((resolve, reject) => {
            const video = document.querySelector("video");
            video.muted = true;
            const start = performance.now();
            window.benchStart = start;
            window.benchStalls = 0;
            video.addEventListener("waiting", () => { window.benchStalls += 1; });
            video.requestVideoFrameCallback(() => resolve((performance.now() - start) / 1000));
            video.addEventListener("error", () => reject(new Error("video error")));
            video.play().catch(reject);
        })"""
    )
    at_first_frame = video_bytes()
    source = page.evaluate("() => document.querySelector('video').currentSrc")
    # How much of the video a viewer saw in the first WATCH seconds after pressing play.
    page.wait_for_function(f"() => performance.now() - window.benchStart > {WATCH * 1000}")
    played, stalls = page.evaluate(
        "() => [document.querySelector('video').currentTime, window.benchStalls]"
    )
    context.close()
    return {
        "played": played,
        "stalls": stalls,
        "ttff": seconds,
        "bytes": at_first_frame,
        "before_play": before_play,
        "source": source.rsplit("/", 1)[-1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kbps", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--port", type=int, default=10450)
    args = parser.parse_args()

    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    from playwright.sync_api import sync_playwright

    directory = readable_tempdir("portal-video-bench-")
    clip = make_clip(directory, args.seconds)
    renditions = make_renditions(directory, clip)
    write_pages(directory, renditions)
    sizes = {p.name: p.stat().st_size for p in sorted(directory.glob("*.mp4"))}
    nginx = start_nginx(directory, args.port)
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required"]
            )
            for name in ("before", "after"):
                runs = [
                    measure(browser, f"http://127.0.0.1:{args.port}/{name}.html", args.kbps)
                    for _ in range(args.runs)
                ]
                results[name] = runs
                time.sleep(0.5)
            browser.close()
    finally:
        stop(nginx)

    print("Files: " + ", ".join(f"{n} {s / 1024:.0f} KB" for n, s in sizes.items()))
    print(
        f"\n| page ({args.kbps} kbit/s, 150 ms, 390×844) | source played | bytes before play | "
        f"video bytes by the first frame | time to first frame | played after {WATCH} s |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, runs in results.items():
        ttff = statistics.median(r["ttff"] for r in runs)
        got = statistics.median(r["bytes"] for r in runs)
        print(
            f"| {name} | {runs[0]['source']} | {max(r['before_play'] for r in runs)} | "
            f"{got / 1024:.0f} KB | {ttff:.1f} s (runs: "
            + ", ".join(f"{r['ttff']:.1f}" for r in runs)
            + f") | {statistics.median(r['played'] for r in runs):.1f} s, "
            f"{statistics.median(r['stalls'] for r in runs):.0f} stall(s) |"
        )


if __name__ == "__main__":
    main()
