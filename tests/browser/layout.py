"""Layout checks of issue 15 (items 5 and 9) on the states they concern.

* on a phone the header is about one row (brand, languages, menu toggle: at most HEADER_PX)
  and its menu takes one row or folds into a closed disclosure, never two or three;
* on a phone the needs page shows its filters, its first need's title and that need's figures
  (their bottom edges) in the first screen;
* the focused skip link is readable (white on ink) and covers no part of the logo.
"""

from .checks import script

MENU_ROWS_JS = script("menu_rows.js")

FIRST_SCREEN_JS = script("first_screen.js")

SKIP_LINK_JS = script("skip_link.js")

HEADER_PX = 64  # one row: a 44 px touch target and its padding (was 183-194 px)


def layout_problems(page, name, viewport):
    """Problems of layout for state ``name`` at ``viewport`` ('phone' or 'desktop')."""
    problems = []
    if viewport == "phone" and page.locator(".main-menu").count():
        menu = page.evaluate(MENU_ROWS_JS)
        if menu["cut"]:
            problems.append(f"header menu items clipped on a phone: {menu['cut']}")
        if not menu["folded"] and menu["rows"] > 1:
            problems.append(f"header menu on {menu['rows']} rows, neither one row nor folded")
        if menu["header"] > HEADER_PX:
            problems.append(f"header {menu['header']}px tall on a phone (at most {HEADER_PX})")
    if viewport == "desktop" and page.locator(".main-menu").count():
        menu = page.evaluate(MENU_ROWS_JS)
        if menu["folded"] or not menu["rows"]:
            problems.append("header menu hidden on a desktop")
    if viewport == "phone" and name.startswith("needs"):
        seen = page.evaluate(FIRST_SCREEN_JS)
        for part in ("filters", "title", "figures"):
            if seen[part] is None or seen[part] > seen["screen"]:
                where = "missing" if seen[part] is None else f"ends at {seen[part]}px"
                problems.append(f"needs {part} {where}, below the first screen")
    if name == "home":
        page.keyboard.press("Tab")
        problems += page.evaluate(SKIP_LINK_JS)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
    return problems
