"""URL converters shared by every app's routes.

Wagtail allows Unicode slugs (``WAGTAIL_ALLOW_UNICODE_SLUGS``, on by default), and the admin
derives an Arabic page's slug from its Arabic title (``حملة-الأردن``). Django's own ``<slug:>``
converter accepts ASCII only, so a route built on it cannot be reversed or resolved for such a
page. Routes that take a page's slug use ``<page_slug:…>`` instead.
"""

from django.urls import register_converter


class PageSlugConverter:
    """A Wagtail page slug: letters and digits of any script, ``-`` and ``_`` (``[-\\w]+``).

    ``to_python`` and ``to_url`` return the slug unchanged (``str``); ``reverse()`` percent-
    encodes non-ASCII characters in the resulting address, and the resolver matches the decoded
    path.
    """

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PageSlugConverter, "page_slug")
