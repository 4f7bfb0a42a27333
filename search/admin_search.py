"""The admin listings' search box, with the portal's Arabic folding, on SQLite and PostgreSQL.

Wagtail's listings search an indexed model through the search backend restricted to the
listing's queryset and ``search_fields``. That fails in three ways here: the database backend
cannot search a field that is not a column of its index (SQLite: ``no such column``); it
refuses a queryset filtered on a field that is not a ``FilterField`` (a partner's scoped
listing); and on PostgreSQL a search restricted to fields reads the raw columns, not the
normalised index, so ``ادوية`` does not find ``أدوية``. Here the index is searched on its own
and the listing keeps the rows it found, whatever its filters. Models without an index are
matched in Python with :func:`search.text.normalise`, the same folding as the index.
"""

from wagtail.search.backends import get_search_backend
from wagtail.search.index import class_is_indexed

from search.text import normalise


def folded_matches(queryset, fields, query):
    """Primary keys of ``queryset`` rows where every word of ``query`` is in one of ``fields``.

    Both sides are folded by :func:`search.text.normalise` (hamza forms, taa marbuta, alef
    maqsura, tashkeel, tatweel, Arabic-Indic digits, Latin accents and case). ``fields`` are
    ORM paths (``user__email`` works). Reads one tuple per row: meant for admin listings.
    """
    words = normalise(query).split()
    if not words or not fields:
        return []
    matches = []
    for pk, *values in queryset.values_list("pk", *fields).iterator():
        text = " ".join(normalise(value) for value in values if value is not None)
        if all(word in text for word in words):
            matches.append(pk)
    return matches


def indexed_matches(model, query, backend_name="default"):
    """Primary keys of ``model`` instances the search index finds for ``query``.

    The union of a full-text search (stemmed, every indexed field) and an autocomplete search
    (prefixes of the autocomplete fields), over the whole model: filters are applied by the
    caller, so no filter needs to be declared in the index.
    """
    backend = get_search_backend(backend_name)
    everything = model._default_manager.all()
    found = {obj.pk for obj in backend.search(query, everything, order_by_relevance=False)}
    if model.get_autocomplete_search_fields():
        results = backend.autocomplete(query, everything, order_by_relevance=False)
        found.update(obj.pk for obj in results)
    return found


class FoldedSearchMixin:
    """For a Wagtail ``IndexView``: search with Arabic folding, never a 500.

    A translatable model's rows are matched through their ``translation_key``, so a word in
    any language finds the row the listing shows in the user's language.
    """

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        model = queryset.model
        if class_is_indexed(model) and model.get_search_fields():
            pks = indexed_matches(model, self.search_query, self.search_backend_name or "default")
        else:
            pks = folded_matches(queryset, self.search_fields, self.search_query)
        if any(f.name == "translation_key" for f in model._meta.get_fields()):
            keys = model._default_manager.filter(pk__in=pks).values("translation_key")
            return queryset.filter(translation_key__in=keys)
        return queryset.filter(pk__in=pks)
