"""Wagtail's database search backend, made Arabic-aware and language-aware.

Set ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}``. It is the database
backend (PostgreSQL full text, or SQLite FTS5) with two differences, both applied by subclassing
in this one module:

* every indexed text and every query goes through :func:`search.text.normalise` (alef, taa
  marbuta, alef maqsura, tashkeel, tatweel, Arabic-Indic digits, Latin accents);
* stemming follows each object's own language: on PostgreSQL the ``arabic``, ``french`` or
  ``english`` text-search configuration (``simple`` for things without a language, e.g. images),
  on SQLite the same Snowball stemmers run in Python before the text reaches FTS5.

A query is stemmed for one language: ``get_search_backend("default", LANGUAGE="fr")`` pins it
(the public search page does); otherwise Arabic script means Arabic, else the active language.
"""

from django.db import connection
from django.utils.translation import get_language
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

ARABIC_LETTERS = range(0x0600, 0x0700)


def language_of(obj):
    """The content language of an indexed object ('ar', 'fr', 'en'), or None if it has none."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    from portal.localization.locales import language_for_locale_id

    return language_for_locale_id(locale_id)


def is_translatable(model):
    return any(f.name == "locale" for f in model._meta.get_fields())


def query_language(backend, query_string):
    """The language a query is stemmed in: pinned, else guessed from its script."""
    if backend.language:
        return backend.language
    if any(ord(c) in ARABIC_LETTERS for c in query_string or ""):
        return "ar"
    return (get_language() or "ar").split("-")[0]


def rewrite_query(query, transform):
    """The same query tree with every query string passed through ``transform``."""
    if isinstance(query, PlainText):
        return PlainText(transform(query.query_string), operator=query.operator)
    if isinstance(query, Phrase):
        return Phrase(transform(query.query_string))
    if isinstance(query, Fuzzy):
        return Fuzzy(transform(query.query_string), operator=query.operator)
    if isinstance(query, Boost):
        return Boost(rewrite_query(query.subquery, transform), query.boost)
    if isinstance(query, Not):
        return Not(rewrite_query(query.subquery, transform))
    if isinstance(query, (And, Or)):
        return type(query)([rewrite_query(q, transform) for q in query.subqueries])
    return query


def query_string(query):
    if hasattr(query, "query_string"):
        return query.query_string
    if hasattr(query, "subquery"):
        return query_string(query.subquery)
    return " ".join(query_string(q) for q in getattr(query, "subqueries", []))


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    """The Arabic-aware backend for the default database's engine."""
    # Each engine's module is imported only on that engine (each loads engine-only models).
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    raise NotImplementedError(f"No portal search backend for {connection.vendor}")
