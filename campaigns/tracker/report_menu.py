"""The admin's menus offer each user the reports they may open (issue 28).

Partner staff's *Reports* showed only wagtail-localize's *Translations*, which its
``TranslationsReportMenuItem`` shows to everyone and ``localize_guard`` refuses them (403),
and not the *Site history* they may read (``admin_reports``: Wagtail's item is shown only to
users who may explore pages, but its view here serves every admin user, scoped to their own
entries' lines). :func:`offer_openable_reports` drops the items the guard would refuse and
offers the site history to whoever lacks it.
"""

from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from .localize_guard import NAMESPACE, refuses


def refused(user, item):
    """Whether the view behind menu ``item`` refuses ``user`` (wagtail-localize's, per
    ``localize_guard``; other items' own ``is_shown`` already follows their views)."""
    try:
        match = resolve(item.url)
    except Resolver404:  # an outside link (the Help menu's documentation)
        return False
    return NAMESPACE in match.namespaces and refuses(user, match.url_name, match.kwargs)


def offer_openable_reports(request, items):
    """``construct_reports_menu``: without the refused reports, with the site history."""
    items[:] = [item for item in items if not refused(request.user, item)]
    if not any(item.name == "site-history" for item in items):
        items.append(
            MenuItem(
                _("Site history"),
                reverse("wagtailadmin_reports:site_history"),
                name="site-history",
                icon_name="history",
                order=1000,
            )
        )
        items.sort(key=lambda item: item.order)


def drop_refused_items(request, items):
    """``construct_main_menu``: without the items whose view refuses the user."""
    items[:] = [item for item in items if not refused(request.user, item)]
