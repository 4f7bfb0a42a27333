"""The site's views that live under a page's address, for Wagtail's ``get_cached_paths``.

The views mounted under the language prefix (``i18n_patterns`` in ``portal/urls.py``) that
take no argument live under a home page's address (``/ar/search/``, ``/ar/press/feeds/…``);
those taking a campaign's slug under that campaign's (``/ar/jesr/needs/``). A page lists
them in ``get_cached_paths``, so every purge of the page (publish, unpublish, move, a change
of the site's chrome) reaches them. Found in the URL resolver: a view added later is covered.
"""

import functools

from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation


def view_paths(page, **kwargs):
    """The paths, relative to ``page``'s address, of the views under the language prefix
    (``i18n_patterns``) whose arguments are exactly ``kwargs``' names, reversed in the page's
    language with ``kwargs``: for ``get_cached_paths``, so a purge of the page reaches them
    (a home page: the views with no argument, search and feeds; a campaign: those taking its
    slug). A view whose address is not under the page's is left out."""
    url = page.get_url()
    if url is None:
        return []
    with translation.override(page.locale.language_code):
        paths = (reverse(name, kwargs=kwargs) for name in _views_taking(frozenset(kwargs)))
        return [path.removeprefix(url) for path in paths if path.startswith(url) and path != url]


@functools.cache
def _views_taking(arguments):
    prefixed = [
        pattern
        for pattern in get_resolver().url_patterns
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern)
    ]
    return sorted(
        name
        for resolver in prefixed
        for name, names in _named_views(resolver.url_patterns)
        if names == arguments and not name.startswith("wagtail")  # Wagtail's own login form
    )


def _named_views(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _named_views(
                pattern.url_patterns,
                namespace + (pattern.namespace or "") + (":" if pattern.namespace else ""),
            )
        elif pattern.name and pattern.pattern.regex.groups == len(pattern.pattern.regex.groupindex):
            yield f"{namespace}{pattern.name}", frozenset(pattern.pattern.regex.groupindex)
