"""The site's chrome changed: what every page of a language shows around its content.

Every page shows the header's menu (its home page's children shown in menus, in the order of
``home.site_chrome.order_menu``), the brand link to its home page and the footer's site
settings. Publishing a page purges the pages that show it (``portal.caching.page_changed``),
not every page; so when the chrome itself changes, every page of the language is retired
(``portal.caching.chrome_changed``: a new site version, a soft edge purge of every live page
under the home page, in a background task):

* a page's row at the menu's depth (or a home page's) written: the menu's *signature* (the
  home page's state and the menu's pages, titles and addresses in menu order) is read just
  before and just after; the chrome changed if they differ (a publish or unpublish, a new
  title, a page added to or taken out of the menu, a campaign's new dates reordering it),
  and not for a publish that leaves the menu as it was. Comparing around the write itself,
  not around Wagtail's publish signal, also catches wagtail-localize, which writes a
  translation's new title to its live row before it publishes it;
* a page deleted at that depth: its home page's chrome;
* a page moved from or to the menu's depth: both home pages' chrome;
* a view restriction added to or removed from a page at that depth (the page leaves or
  rejoins the menu: a *hard* purge, so that no reader gets the old menu);
* site settings saved (organisation name, contact, social links: the footer and the head's
  structured data): every page of the site in every language.
"""

import threading

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page

from home.site_chrome import annotate_menu, menu_pages, order_menu
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
    items = order_menu(annotate_menu(menu_pages(home)))
    return (home.pk, home.live, *((item.pk, item.title, item.url_path) for item in items))


def _at_menu_depth(page):
    """A page (saved, or new with its place in the tree set, as ``add_child`` does) at the
    menu's depth or above."""
    return bool(page.path and page.depth and page.depth <= MENU_DEPTH)


def _on_pre_save(sender, instance, update_fields=None, **kwargs):
    """Keep the menu's signature as it stands before this row is written, a new row too (the
    admin's "Publish" on a new page creates it live). A draft saved as a revision names its
    fields and none of ``MENU_FIELDS``: skipped."""
    if not _at_menu_depth(instance):
        return
    if update_fields is not None and not MENU_FIELDS & set(update_fields):
        return
    home = home_of(instance)
    if home is not None:
        _before.__dict__[id(instance)] = (instance, home, menu_signature(home))


def _on_post_save(sender, instance, **kwargs):
    """The row is written: retire the chrome of its language if the menu differs now (a
    publish, an unpublish, or wagtail-localize writing a translation's new title to its live
    row before it publishes it)."""
    kept = _before.__dict__.pop(id(instance), None)
    if kept is not None and kept[0] is instance:  # not a save that failed before its end
        _instance, home, before = kept
        home.refresh_from_db(fields=["live"])
        if menu_signature(home) != before:
            caching.chrome_changed(home)


def _on_post_delete(sender, instance, **kwargs):
    """A page deleted from the menu's depth (or a home page): its home page's chrome."""
    if instance.depth and instance.depth <= MENU_DEPTH:
        home = home_of(instance)
        if home is not None:
            caching.chrome_changed(home)


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


def _on_restriction_changed(sender, instance, **kwargs):
    """A page at the menu's depth (or a home page) made private or public again: its home
    page's chrome, purged hard (the page leaves or rejoins every menu; a soft purge served
    the old menu to each page's first reader: fresh-eyes trial). Restrictions change
    rarely."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None and _at_menu_depth(page):
        home = home_of(page)
        if home is not None:
            caching.chrome_changed(home, hard=True)


def _on_settings_saved(sender, instance, **kwargs):
    """Site settings saved: the footer and head of every page of the site, every language."""
    caching.chrome_changed(*instance.site.root_page.get_translations(inclusive=True))


def connect():
    """Connect the chrome's events (from ``HomeConfig.ready``)."""
    from django.apps import apps
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move

    from home.models import SiteSettings

    for model in [model for model in apps.get_models() if issubclass(model, Page)]:
        uid = model._meta.label
        pre_save.connect(_on_pre_save, sender=model, dispatch_uid=f"chrome-pre-{uid}")
        post_save.connect(_on_post_save, sender=model, dispatch_uid=f"chrome-post-{uid}")
        post_delete.connect(_on_post_delete, sender=model, dispatch_uid=f"chrome-del-{uid}")
    post_page_move.connect(_on_post_move, dispatch_uid="chrome-after-move")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"chrome-restriction-{signal is post_save}",
        )
    post_save.connect(_on_settings_saved, sender=SiteSettings, dispatch_uid="chrome-settings")
