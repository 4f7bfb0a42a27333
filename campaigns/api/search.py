"""``?search=`` on the tracker lists: the site's Arabic-aware search, in the language asked for.

The query runs on the portal's search backend pinned to the asked language (``docs/search.md``),
over the entries written in that language; the matching entries are then listed once, as their
source (Arabic) entry, like every other list. Without ``ordering`` the best match comes first.
"""

import re

from drf_spectacular.utils import OpenApiParameter
from wagtail.search.backends import get_search_backend

from portal.localization.locales import locale_id_for_language
from search.text import normalise

MAX_QUERY_LENGTH = 200
MAX_MATCHES = 500

SEARCH_PARAMETER = OpenApiParameter(
    "search",
    str,
    description="Words to look for in the text of the language asked for (`locale`), "
    "with the site's Arabic-aware matching (أ/ا, ة/ه, ى/ي, tashkeel, accents, stemming). "
    "Best match first unless `ordering` is given.",
)


WORDS = re.compile(r"[^\W_]+")


def search_query(request):
    """The words asked for (at most 200 characters), or "" for no search."""
    return (request.query_params.get("search") or "").strip()[:MAX_QUERY_LENGTH]


def query_words(query):
    """The query's words, normalised as the index is; punctuation alone leaves nothing."""
    return " ".join(WORDS.findall(normalise(query)))


def search_sources(request, sources, translations, language):
    """``sources`` (already filtered) narrowed to those matching ``?search=`` in ``language``.

    ``translations`` is the model's queryset over every locale (e.g. live partner pages). Returns
    ``sources`` untouched when there is no search; otherwise a list, best match first unless
    the client chose an ``ordering`` (then in that order).
    """
    query = search_query(request)
    if not query or request.parser_context["view"].action != "list":
        return sources
    words = query_words(query)
    if not words:
        return []  # something was searched for, but no word of it can match
    locale_id = locale_id_for_language(language)
    backend = get_search_backend("default", LANGUAGE=language)
    matches = backend.search(words, translations.filter(locale_id=locale_id))[:MAX_MATCHES]
    rank = {}
    for position, match in enumerate(matches):
        rank.setdefault(match.translation_key, position)
    found = list(sources.filter(translation_key__in=list(rank)))
    if not request.query_params.get("ordering"):
        found.sort(key=lambda source: rank[source.translation_key])
    return found
