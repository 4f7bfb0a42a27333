"""The site's chrome changed: what every page of a language shows around its content.

Every page shows the header's menu (its home page's children shown in menus, in the order of
``home.site_chrome.order_menu``), the brand link to its home page and the footer's site
settings. Publishing a page purges the pages that show it (``portal.caching.page_changed``),
not every page; so when the chrome itself changes, every page of the language is retired
(``portal.caching.chrome_changed``: a new site version, a soft edge purge of every live page
under the home page, in a background task):

* a page at the menu's depth (or a home page) published, unpublished or deleted: the
  menu's *signature* (the home page's state and the menu's pages, titles and addresses in
  menu order) is read just before the page's row is saved and again after; the chrome
  changed if they differ (a new title, a page added to or taken out of the menu, a
  campaign's new dates reordering it), and not for a publish that leaves the menu as it was;
* a page moved from or to the menu's depth: both home pages' chrome;
* site settings saved (organisation name, contact, social links: the footer and the head's
  structured data): every page of the site in every language.
"""

import threading

from django.db.models.signals import post_save, pre_save
from wagtail.models import Page

from home.site_chrome import annotate_menu, order_menu
from portal import caching

MENU_DEPTH = 3  # the menu shows the home page's children
# A save that names its fields and none of these (a draft saved as a revision) leaves the
# menu as it was.
MENU_FIELDS = frozenset({"title", "slug", "url_path", "live", "show_in_menus", "path"})
_before = threading.local()


def home_of(page):
    """The home page (depth 2) above ``page`` or ``page`` itself, or ``None`` when
    ``page`` is the tree's root or outside a site."""
    if page.depth < 2:
        return None
    return Page.objects.filter(path=page.path[: 2 * Page.steplen]).first()


def menu_signature(home):
    """``home``'s chrome as a tuple: its id and whether it is live, then ``(id, title,
    url_path)`` of each menu item in menu order (one query)."""
    items = order_menu(annotate_menu(home.get_children().live().in_menu()))
    return (home.pk, home.live, *((item.pk, item.title, item.url_path) for item in items))


def _remember(page):
    """Keep the menu's signature as it stands in the database before ``page`` changes."""
    if page.pk and page.depth and page.depth <= MENU_DEPTH:
        home = home_of(page)
        if home is not None:
            _before.__dict__[home.pk] = menu_signature(home)


def _compare(page):
    """After ``page`` changed: retire the chrome of its language if the menu changed (or if
    no signature was kept before: a delete, a change made without a save)."""
    if not page.depth or page.depth > MENU_DEPTH:
        return
    home = home_of(page)
    if home is None:
        return
    before = _before.__dict__.pop(home.pk, None)
    if before != menu_signature(home):
        caching.chrome_changed(home)


def _on_pre_save(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or MENU_FIELDS & set(update_fields):
        _remember(instance)


def _on_page_event(sender, instance, **kwargs):
    _compare(instance)


def _on_post_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A page moved from or to the menu's depth: the chrome of both home pages changed
    (moves are rare; no comparison). A moved page's subtree is purged with it
    (``portal.caching``)."""
    homes = {
        parent.pk: parent
        for parent in (parent_page_before, parent_page_after)
        if parent.depth == MENU_DEPTH - 1
    }
    if homes:
        caching.chrome_changed(*homes.values())


def _on_settings_saved(sender, instance, **kwargs):
    """Site settings saved: the footer and head of every page of the site, every language."""
    caching.chrome_changed(*instance.site.root_page.get_translations(inclusive=True))


def connect():
    """Connect the chrome's events (from ``HomeConfig.ready``)."""
    from django.apps import apps
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from home.models import SiteSettings

    for model in [model for model in apps.get_models() if issubclass(model, Page)]:
        uid = model._meta.label
        pre_save.connect(_on_pre_save, sender=model, dispatch_uid=f"chrome-save-{uid}")
        page_published.connect(_on_page_event, sender=model, dispatch_uid=f"chrome-pub-{uid}")
        page_unpublished.connect(_on_page_event, sender=model, dispatch_uid=f"chrome-unp-{uid}")
    post_page_move.connect(_on_post_move, dispatch_uid="chrome-after-move")
    post_save.connect(_on_settings_saved, sender=SiteSettings, dispatch_uid="chrome-settings")
