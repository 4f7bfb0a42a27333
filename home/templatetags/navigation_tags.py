"""Site navigation: the localized home page and its children shown in menus."""

from django import template
from django.db.models import Q
from wagtail.models import Page, Site

register = template.Library()


def _load_navigation(request, page):
    """Home page and menu items, memoised on the request; one query on a page of the tree."""
    if isinstance(page, Page) and page.pk and page.depth and page.depth >= 2:
        # Each language's home page is the depth-2 ancestor of the pages in that language;
        # fetch it together with its children shown in menus.
        home_path = page.path[: 2 * Page.steplen]
        rows = list(
            Page.objects.filter(
                Q(path=home_path)
                | Q(depth=3, path__startswith=home_path, live=True, show_in_menus=True)
            ).order_by("path")
        )
        home = rows[0] if rows and rows[0].path == home_path else None
        request._portal_home = home
        request._portal_menu = [row for row in rows if row.depth == 3] if home else []
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
    home = site_home(context)
    request = context.get("request")
    items = getattr(request, "_portal_menu", None)
    if items is None:
        items = home.get_children().live().in_menu() if home else []
    current = context.get("page")
    return {"home": home, "items": items, "current": current, "request": request}
