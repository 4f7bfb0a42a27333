"""Issue 14, input 6: every admin listing and chooser that takes a search answers every role.

Partner staff searching the needs chooser (``/admin/snippets/choose/tracker/need/?q=x``)
got a 500: the chooser narrows needs to the partner's own before searching, on a field the
search index could not filter on. Generated from the URL resolver, so a listing or chooser
added later is covered: each, with ``?q=`` in Latin and Arabic letters, by each role, is
never a 5xx (a refusal or a redirect to the login page is fine).
"""

import re

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

# The views that list or choose (their URL names); a search is ``?q=``.
LISTING = re.compile(r"(^|[:_])(index|list|listing|choose|choose_results|index_results|results)$")
QUERIES = ["x", "أدوية"]


def admin_listings():
    """``(path, name)`` of every admin URL without parameters whose view lists or chooses."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = namespace + pattern.name
                path = route.lstrip("^").replace("\\Z", "").replace("$", "")
                if "<" in path or "(" in path or "?" in path or "\\" in path:
                    continue  # an address with parameters: not a listing of its own
                if LISTING.search(pattern.name):
                    found.append(("/" + path, name))

    walk(get_resolver().url_patterns, "", "")
    return sorted({path: name for path, name in found if path.startswith("/admin/")}.items())


def test_the_resolver_lists_the_tracker_choosers():
    paths = [path for path, _name in admin_listings()]
    assert "/admin/snippets/choose/tracker/need/" in paths
    assert len(paths) >= 20


ROLES = ["A", "B", "editor", "moderator", "translator", "press", "admin"]


def test_every_admin_listing_and_chooser_answers_a_search_for_every_role(world):
    """One demo world for every role (partner staff A and B, each group, the administrator)."""
    failures = []
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(world["users"][role])
        for path, name in admin_listings():
            for query in QUERIES:
                response = client.get(path, {"q": query})
                if response.status_code >= 500:
                    failures.append((role, path, name, query, response.status_code))
    assert not failures, failures
