"""Site navigation: the localized home page and its children shown in menus."""

from django import template
from wagtail.models import Page, Site

from home.site_chrome import annotate_menu, chrome_pages, menu_pages, order_menu

register = template.Library()


def _load_navigation(request, page):
    """Home page and menu items, memoised on the request; one query on a page of the tree
    (shared with the language switcher's translations, see home/site_chrome.py)."""
    if isinstance(page, Page) and page.pk and page.depth and page.depth >= 2:
        pages = chrome_pages(request, page)
        request._portal_home = pages.home
        request._portal_menu = pages.menu if pages.home else []
    else:
        site = Site.find_for_request(request)
        request._portal_home = site.root_page.localized if site else None


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the active language (memoised on the request)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_portal_home"):
        _load_navigation(request, context.get("page"))
    return request._portal_home


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The header's menu: the home page's children shown in menus, in the order of
    ``home.site_chrome.order_menu`` (the campaigns first), then the search page."""
    home = site_home(context)
    request = context.get("request")
    items = getattr(request, "_portal_menu", None)
    if items is None:
        items = order_menu(annotate_menu(menu_pages(home))) if home else []
    current = context.get("page")
    return {"home": home, "items": items, "current": current, "request": request}
