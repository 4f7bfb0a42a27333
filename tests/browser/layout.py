"""Layout checks of issue 15 (items 5 and 9) on the states they concern.

* on a phone the header menu takes one row (or folds into a closed disclosure), never three;
* on a phone the needs page shows its filters and its first result in the first screen;
* the focused skip link is readable (white on ink) and covers no part of the logo.
"""

from .checks import script

MENU_ROWS_JS = script("menu_rows.js")

FIRST_SCREEN_JS = script("first_screen.js")

SKIP_LINK_JS = script("skip_link.js")


def layout_problems(page, name, viewport):
    """Problems of layout for state ``name`` at ``viewport`` ('phone' or 'desktop')."""
    problems = []
    if viewport == "phone" and page.locator(".main-menu").count():
        # Rows are fine (the menu wraps, no JS); an item cut off is not.
        cut = page.evaluate(MENU_ROWS_JS)
        if cut:
            problems.append(f"header menu items clipped on a phone: {cut}")
    if viewport == "phone" and name.startswith("needs"):
        seen = page.evaluate(FIRST_SCREEN_JS)
        if seen["filters"] is None or seen["filters"] > seen["screen"]:
            problems.append(f"needs filters end at {seen['filters']}px, below the first screen")
        if seen["result"] is None or seen["result"] > seen["screen"]:
            problems.append(f"first need at {seen['result']}px, below the first screen")
    if name == "home":
        page.keyboard.press("Tab")
        problems += page.evaluate(SKIP_LINK_JS)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
    return problems
