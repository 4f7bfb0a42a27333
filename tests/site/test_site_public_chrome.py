"""What a visitor and a crawler get around every page (issue 15, items 5, 6, 7, 10, 12)."""

import gzip
import re
from pathlib import Path

import pytest
import time_machine
from django.test import RequestFactory

from tests.public_pages import LANGUAGES, public_states

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "portal.css"


def _luminance(hex_colour):
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_buttons_are_readable_and_bold():
    """White on the accent was 4.35:1, and a later `font: inherit` dropped the bold."""
    css = CSS.read_text()
    accent = re.search(r"--accent:\s*(#[0-9a-fA-F]{6})", css).group(1)
    assert contrast(accent, "#ffffff") >= 4.5
    button = re.search(r"\.button \{([^}]*)\}", css).group(1)
    assert button.index("font: inherit") < button.index("font-weight: 700")


def test_focused_skip_link_is_white_on_ink_and_takes_its_own_row():
    css = CSS.read_text()
    focused = re.search(r"\.skip-link:focus[^{]*\{([^}]*)\}", css).group(1)
    assert "color: #fff" in focused and "position: static" in focused


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_has_a_meta_description(client, db, code):
    missing = []
    for name, path in public_states(code):
        html = client.get(path).content.decode()
        match = re.search(r'<meta name="description" content="([^"]*)"', html)
        if not match or len(match.group(1).strip()) < 20:
            missing.append(f"{name} {path}")
    assert missing == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_title_does_not_repeat_the_site_name(client, db, code):
    title = re.search(r"<title>([^<]*)</title>", client.get(f"/{code}/").content.decode())
    parts = [part.strip() for part in title.group(1).split("|")]
    assert len(parts) == len(set(parts)) == 1, title.group(1)


def test_html_is_compressed_when_asked(client, db):
    """The failing input: the needs page sent 47 KB of HTML, never gzip."""
    plain = client.get("/ar/jesr/needs/")
    packed = client.get("/ar/jesr/needs/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3


def test_a_page_with_a_csrf_token_is_not_compressed(client, db):
    """BREACH: a secret never travels compressed beside reflected text."""
    with time_machine.travel("2020-05-20T10:00:00+01:00", tick=True):  # the campaign runs
        response = client.get("/ar/jesr/offer-help/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def test_favicon_ico_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".ico")
    icon = Path(__file__).resolve().parents[2] / "static" / "img" / "favicon.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # the ICO signature


@pytest.mark.parametrize(
    ("header", "status", "body", "content_range"),
    [
        ("bytes=0-1", 206, b"01", "bytes 0-1/10"),
        ("bytes=8-", 206, b"89", "bytes 8-9/10"),
        ("bytes=-3", 206, b"789", "bytes 7-9/10"),
        ("bytes=20-", 416, b"", "bytes */10"),
        ("", 200, b"0123456789", None),
    ],
)
def test_development_media_answers_byte_ranges(tmp_path, header, status, body, content_range):
    """Safari on iPhone plays no video whose server ignores Range (it was always 200)."""
    from home.dev_media import serve_media

    (tmp_path / "clip.mp4").write_bytes(b"0123456789")
    extra = {"HTTP_RANGE": header} if header else {}
    response = serve_media(RequestFactory().get("/media/clip.mp4", **extra), "clip.mp4", tmp_path)
    assert response.status_code == status
    assert response["Accept-Ranges"] == "bytes"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content == body
    assert response.get("Content-Range") == content_range


def test_home_hero_is_responsive_and_fetched_first(client, db):
    """The failing input: a 1600×700 hero sent to a 390 px phone, without srcset/sizes."""
    html = client.get("/ar/").content.decode()
    hero = re.search(r'<img[^>]*class="hero__image"[^>]*>', html).group(0)
    assert 'sizes="100vw"' in hero and 'fetchpriority="high"' in hero
    widths = [int(w) for w in re.findall(r"\s(\d+)w", re.search(r'srcset="([^"]+)"', hero)[1])]
    assert min(widths) <= 480 and max(widths) >= 1600


def test_video_poster_is_phone_sized_and_fetched_first(client, db):
    """The failing input: the 1280×720 poster (the campaign's LCP) on a phone, no priority."""
    html = client.get("/fr/jesr/").content.decode()
    video = re.search(r"<video[^>]*>", html).group(0)
    poster = re.search(r'poster="([^"]+)"', video).group(1)
    assert re.search(r'data-poster-wide="[^"]+"', video)
    preload = re.search(rf'<link rel="preload" as="image" href="{re.escape(poster)}"[^>]*>', html)
    assert preload and 'fetchpriority="high"' in preload.group(0)
    assert ".fill-640x360." in poster  # Wagtail names a rendition after its filter


@pytest.fixture
def development_urls(settings, tmp_path):
    """The URLconf as `make run` builds it (DEBUG, media on local disk), rebuilt after."""
    import importlib

    from django.urls import clear_url_caches

    import home.urls
    import portal.urls

    def rebuild():
        importlib.reload(home.urls)
        importlib.reload(portal.urls)
        clear_url_caches()

    settings.DEBUG, settings.MEDIA_URL, settings.MEDIA_ROOT = True, "/media/", str(tmp_path)
    rebuild()
    yield tmp_path
    settings.DEBUG = False
    rebuild()


def test_development_server_serves_uploaded_media_with_byte_ranges(client, development_urls):
    """`make run` plays the demo clip from local disk: /media/ answers in development."""
    (development_urls / "clip.mp4").write_bytes(b"0123456789")
    response = client.get("/media/clip.mp4", HTTP_RANGE="bytes=2-4")
    assert response.status_code == 206
    assert response.getvalue() == b"234"
    assert client.get("/robots.txt").status_code == 200
