"""The pages the site chrome shows around a page, in one query per request.

The header's brand link and menu need the page's home (the depth-2 ancestor in its language)
and that home's children shown in menus; the language switcher, hreflang links and canonical
URL need the page's live translations. Both come from one query, memoised on the request.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page


@dataclass
class ChromePages:
    home: Page | None
    menu: list
    translations: list  # live, each with its locale


def chrome_pages(request, page):
    """The chrome's pages for ``page`` (a page of the tree, at depth 2 or more)."""
    cached = getattr(request, "_portal_chrome_pages", None)
    if cached is not None and cached[0] == page.pk:
        return cached[1]
    home_path = page.path[: 2 * Page.steplen]
    rows = list(
        Page.objects.filter(
            Q(path=home_path)
            | Q(depth=3, path__startswith=home_path, live=True, show_in_menus=True)
            | Q(translation_key=page.translation_key, live=True)
        )
        .select_related("locale")
        .order_by("path")
    )
    home = next((row for row in rows if row.path == home_path), None)
    result = ChromePages(
        home=home,
        menu=[
            row
            for row in rows
            if home is not None
            and row.depth == 3
            and row.path.startswith(home_path)
            and row.live
            and row.show_in_menus
        ],
        translations=[
            row for row in rows if row.translation_key == page.translation_key and row.live
        ],
    )
    request._portal_chrome_pages = (page.pk, result)
    return result


def chrome_translations(request, page):
    """``page``'s live translations (each with its locale) if ``chrome_pages`` already
    fetched them for this request, else ``()``: never a query of its own."""
    cached = getattr(request, "_portal_chrome_pages", None)
    if cached is not None and cached[0] == page.pk:
        return cached[1].translations
    return ()
