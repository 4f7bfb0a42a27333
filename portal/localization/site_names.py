"""The site's name in the reader's language, where Wagtail's admin shows it.

Wagtail names a site by ``Site.site_name`` (or ``WAGTAIL_SITE_NAME``), one field in one
language: the French dashboard read «53 pages créées dans منصة التضامن المجتمعي». A site's name
is its home page's title, which editors already translate with the rest of the site: the
admin shows the title of the home page's translation in the reader's language (the Arabic
source when it has none, ``site_name`` when the site has no home page). Editors rename the site
in each language where they edit its home page; nothing new to keep in sync.

The typed confirmation of a mass deletion («Please type … to confirm») still asks for
``WAGTAIL_SITE_NAME`` as it is: Wagtail compares what is typed with that setting.
"""

from django.conf import settings
from wagtail.models import Site


def site_for(page):
    """The site ``page`` belongs to; for the tree's root (a superuser's explorable root), the
    default site, as Wagtail's own dashboard links to it."""
    site = page.get_site() if page is not None and not page.is_root() else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site


def reader_site_name(page, default=""):
    """The name of the site ``page`` is in (see the module's docstring), in the active
    language; ``default`` (Wagtail's name for it) when there is no site at all."""
    site = site_for(page)
    if site is None:
        return default or settings.WAGTAIL_SITE_NAME
    return site.root_page.localized.title or site.site_name or default
