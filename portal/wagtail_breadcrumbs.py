"""Workaround: a snippet listing's breadcrumbs keep the language the admin started in.

``SnippetViewSet.breadcrumbs_items`` (Wagtail 8.0) writes its «Home» and «Snippets» with the
eager ``gettext`` when the admin's URLs are loaded, i.e. once per process, in whatever
language was active then (Arabic, the site's default): a French reader's tracker listings
showed «الرئيسية» in their collapsed breadcrumb. :func:`install` (called once from
``PortalConfig.ready``) gives the same items with ``gettext_lazy``, translated when a page is
drawn. ``tests/i18n/test_i18n_breadcrumbs.py`` walks every snippet viewset and pins this
module to the Wagtail release below.
"""

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import SnippetViewSet

PATCHED_FOR = "8.0"  # the Wagtail release whose SnippetViewSet.breadcrumbs_items this follows


def _breadcrumbs_items(viewset):
    items = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]
    if (
        getattr(settings, "WAGTAILSNIPPETS_MENU_SHOW_ALL", False)
        or not viewset.get_menu_item_is_registered()
    ):
        items.append(
            {"url": reverse_lazy("wagtailsnippets:index"), "label": gettext_lazy("Snippets")}
        )
    return items


def install():
    """Snippet breadcrumbs translated per request (idempotent)."""
    SnippetViewSet.breadcrumbs_items = property(_breadcrumbs_items)
