"""Workaround: Wagtail's admin headers join a title and its subject with an English colon.

``WagtailAdminTemplateMixin.get_header_title`` (Wagtail 8.0) writes every admin view's
heading and ``<title>`` as ``f"{title}: {subtitle}"``: «Exploration: Racine» where French
puts a no-break space before the colon, and in Arabic a Latin subject (a slug, an English
page title) is not isolated from the Arabic around it. :func:`install` (called once from
``PortalConfig.ready``) makes the join a phrase of our catalogue, ``%(title)s: %(subtitle)s``.
Delete this module when Wagtail translates the join (``tests/i18n/test_i18n_admin_headings.py``
pins the version).
"""

from django.utils.translation import gettext
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

PATCHED_FOR = "8.0"  # the Wagtail release this replacement was written against


class TranslatedHeaderTitleMixin:
    def get_header_title(self):
        title = self.get_page_title()
        subtitle = self.get_page_subtitle()
        if subtitle:
            # Translators: an admin page's heading, "Editing: Home"; French puts a no-break
            # space before the colon, Arabic isolates the subject (U+2068…U+2069).
            return gettext("%(title)s: %(subtitle)s") % {"title": title, "subtitle": subtitle}
        return title


def install():
    """Every admin view's heading through the catalogue (idempotent)."""
    WagtailAdminTemplateMixin.get_header_title = TranslatedHeaderTitleMixin.get_header_title
