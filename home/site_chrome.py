"""The pages the site chrome shows around a page, in one query per request.

The header's brand link and menu need the page's home (the depth-2 ancestor in its language)
and that home's children shown in menus; the language switcher, hreflang links and canonical
URL need the page's live translations. Both come from one query, memoised on the request.

Private pages (a view restriction on them or on an ancestor: a password, a login, a group)
are left out of the menu: their titles are not for every visitor, and the edge keeps the
pages showing the menu for every visitor.

The menu follows the page tree, except where an app above ``home`` orders it through a
``site_menu_order`` hook (``campaigns/menu.py``: the campaigns together, first): each hook
has ``annotate(pages)``, the fields it reads added to that same query, and ``order(items)``.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page

from home.private_pages import restricted


@dataclass
class ChromePages:
    home: Page | None
    menu: list
    translations: list  # live, each with its locale


def menu_pages(home):
    """``home``'s children shown in its menu (live, *Show in menus*, not private), as a
    queryset for :func:`annotate_menu`."""
    return home.get_children().live().in_menu().exclude(restricted())


def chrome_pages(request, page):
    """The chrome's pages for ``page`` (a page of the tree, at depth 2 or more)."""
    cached = getattr(request, "_portal_chrome_pages", None)
    if cached is not None and cached[0] == page.pk:
        return cached[1]
    home_path = page.path[: 2 * Page.steplen]
    rows = list(
        annotate_menu(
            Page.objects.filter(
                Q(path=home_path)
                | Q(depth=3, path__startswith=home_path, live=True, show_in_menus=True)
                | Q(translation_key=page.translation_key, live=True)
            )
        )
        .annotate(restricted=restricted())
        .select_related("locale")
        .order_by("path")
    )
    home = next((row for row in rows if row.path == home_path), None)
    result = ChromePages(
        home=home,
        menu=order_menu(
            [
                row
                for row in rows
                if home is not None
                and row.depth == 3
                and row.path.startswith(home_path)
                and row.live
                and row.show_in_menus
                and not row.restricted
            ]
        ),
        # The page itself, and its translations that are not private (the language
        # switcher and hreflang links are for every visitor).
        translations=[
            row
            for row in rows
            if row.translation_key == page.translation_key
            and row.live
            and (row.pk == page.pk or not row.restricted)
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


def annotate_menu(pages):
    """``pages`` (a page queryset) with what the ``site_menu_order`` hooks read to order a
    menu: no query of its own."""
    for ordering in hooks.get_hooks("site_menu_order"):
        pages = ordering.annotate(pages)
    return pages


def order_menu(items):
    """The menu's pages (from a queryset through :func:`annotate_menu`, in tree order) in
    the order the ``site_menu_order`` hooks give them."""
    for ordering in hooks.get_hooks("site_menu_order"):
        items = ordering.order(items)
    return list(items)
