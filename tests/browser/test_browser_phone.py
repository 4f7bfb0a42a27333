"""Issue 15 on a phone (390×844) and a desktop (1280×800), in ar, fr and en, JS on and off.

* the phone header is one row (brand, languages, menu toggle); the menu folds into a closed
  <details> that opens by a tap or the keyboard without JavaScript (and, with it, closes with
  Escape); on a desktop the menu is shown, never folded;
* the needs page shows its first need's title and figures in the first screen;
* on a desktop the needs use the page's width (side by side, not one narrow column).

The same rules run over every page state in test_browser_matrix.py (layout.py).
"""

import pytest

from .layout import FIRST_SCREEN_JS, HEADER_PX, MENU_ROWS_JS

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
STATES = [(code, js) for code in ("ar", "fr", "en") for js in (True, False)]


@pytest.mark.parametrize(("code", "javascript"), STATES)
def test_phone_header_is_one_row_and_the_menu_folds(demo_site, visit, code, javascript):
    page = visit(javascript=javascript, viewport=PHONE).page
    page.goto(f"{demo_site}/{code}/jesr/", wait_until="load")
    menu = page.evaluate(MENU_ROWS_JS)
    assert menu["header"] <= HEADER_PX, menu
    assert menu["folded"] and menu["rows"] == 0, menu
    page.keyboard.press("Tab")  # the skip link, then the brand, then the menu toggle
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    opened = page.evaluate(MENU_ROWS_JS)
    assert not opened["folded"] and opened["rows"] >= 5 and not opened["cut"], opened
    search = page.locator(".main-menu details a[href$='/search/']")
    assert search.is_visible()
    assert search.bounding_box()["y"] >= menu["header"] - 1  # below the header, not over it
    if javascript:  # Escape closes it, the focus back on the toggle (a <details> stays open)
        search.focus()
        page.keyboard.press("Escape")
        assert page.evaluate(MENU_ROWS_JS)["folded"]
        assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"


@pytest.mark.parametrize(("code", "javascript"), STATES)
def test_desktop_menu_is_shown_not_folded(demo_site, visit, code, javascript):
    page = visit(javascript=javascript, viewport=DESKTOP).page
    page.goto(f"{demo_site}/{code}/jesr/", wait_until="load")
    menu = page.evaluate(MENU_ROWS_JS)
    assert not menu["folded"] and menu["rows"] == 1, menu
    assert page.locator(".main-menu summary").is_hidden()


@pytest.mark.parametrize(("code", "javascript"), STATES)
def test_first_need_title_and_figures_in_the_first_phone_screen(demo_site, visit, code, javascript):
    page = visit(javascript=javascript, viewport=PHONE).page
    page.goto(f"{demo_site}/{code}/jesr/needs/", wait_until="load")
    seen = page.evaluate(FIRST_SCREEN_JS)
    assert seen["title"] is not None and seen["figures"] is not None, seen
    assert seen["filters"] <= seen["screen"], seen
    assert seen["title"] <= seen["screen"] and seen["figures"] <= seen["screen"], seen


@pytest.mark.parametrize("code", ["ar", "fr", "en"])
def test_needs_use_the_desktop_width(demo_site, visit, code):
    page = visit(viewport=DESKTOP).page
    page.goto(f"{demo_site}/{code}/jesr/needs/", wait_until="load")
    boxes = [card.bounding_box() for card in page.locator(".tracker-need").all()]
    assert len(boxes) >= 3
    first_row = [box for box in boxes if abs(box["y"] - boxes[0]["y"]) < 1]
    assert len(first_row) >= 3, boxes[:4]  # side by side, not one ~290 px column
