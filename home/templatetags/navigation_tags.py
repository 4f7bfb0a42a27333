"""Site navigation: the localized home page and its children shown in menus."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the active language (memoised on the request)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_portal_home"):
        page = context.get("page")
        if isinstance(page, Page) and page.depth and page.depth >= 2 and page.pk:
            # Each language's home page is the depth-2 ancestor of the pages in that language.
            request._portal_home = Page.objects.filter(path=page.path[: 2 * Page.steplen]).first()
        else:
            site = Site.find_for_request(request)
            request._portal_home = site.root_page.localized if site else None
    return request._portal_home


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = site_home(context)
    items = home.get_children().live().in_menu() if home else []
    current = context.get("page")
    return {"home": home, "items": items, "current": current, "request": context.get("request")}
