"""The campaign in a real browser: no JS, no video bytes before play, right to left."""

import io

import pytest
from PIL import Image as PILImage

from .admin_fixtures import IMG

SCREENSHOT = IMG / "home-ar.png"


def test_without_javascript_the_clip_poster_and_appeals_show(demo_site, visit):
    tab = visit(javascript=False, viewport={"width": 390, "height": 844})
    tab.page.goto(f"{demo_site}/ar/jesr/", wait_until="load")
    video = tab.page.locator("video.video__player").first
    assert video.is_visible()
    poster = video.get_attribute("poster")
    assert poster and poster.endswith(".webp")
    assert any(url.endswith(poster) for url in tab.requests), "the poster image was not loaded"
    appeals = tab.page.locator(".appeal-grid .appeal-card")
    assert appeals.count() == 1
    assert "لطفي بوشناق" in appeals.first.inner_text()
    assert tab.page.locator(".partner-grid li").count() == 8
    assert tab.video_requests() == []
    assert all(url.startswith(demo_site) for url in tab.requests)


def test_video_bytes_are_fetched_only_after_play(demo_site, visit):
    tab = visit(viewport={"width": 1024, "height": 768})
    tab.page.goto(f"{demo_site}/fr/jesr/", wait_until="networkidle")
    assert tab.video_requests() == []
    with tab.page.expect_request(lambda request: ".mp4" in request.url, timeout=10_000):
        tab.page.locator("video.video__player").first.evaluate("v => v.play().catch(() => {})")
    assert len(tab.video_requests()) >= 1


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_reading_direction(demo_site, visit, code, direction):
    tab = visit(javascript=False)
    tab.page.goto(f"{demo_site}/{code}/jesr/")
    assert tab.page.locator("html").get_attribute("dir") == direction
    assert tab.page.evaluate("getComputedStyle(document.body).direction") == direction


def test_arabic_home_page_screenshot(demo_site, visit):
    tab = visit(viewport={"width": 800, "height": 900})
    tab.page.goto(f"{demo_site}/ar/", wait_until="networkidle")
    assert tab.page.locator("html").get_attribute("dir") == "rtl"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    shot = PILImage.open(io.BytesIO(tab.page.screenshot()))
    # A 64-colour palette keeps the README's picture small (the page is flat colours).
    shot.convert("RGB").quantize(colors=64).save(SCREENSHOT, optimize=True)
    assert 5_000 < SCREENSHOT.stat().st_size < 80_000


@pytest.mark.parametrize(
    ("viewport", "scale", "wide"),
    [({"width": 412, "height": 823}, 1.75, False), ({"width": 1280, "height": 800}, 1, True)],
)
def test_a_dense_phone_keeps_the_phone_poster_a_wide_screen_gets_the_full_one(
    demo_site, visit, viewport, scale, wide
):
    """Lighthouse's phone (412 px at 1.75 device pixels per px) downloads one poster, the one
    preloaded; only a screen wider than the phone poster swaps in the full one."""
    tab = visit(viewport=viewport, device_scale_factor=scale)
    tab.page.goto(f"{demo_site}/ar/jesr/", wait_until="networkidle")
    video = tab.page.locator("video.video__player").first
    full, shown = video.get_attribute("data-poster-wide"), video.evaluate("v => v.poster")
    posters = [url for url in tab.requests if "/media/images/" in url and "clip" in url]
    assert shown.endswith(full) is wide
    assert len(posters) == (2 if wide else 1), posters
