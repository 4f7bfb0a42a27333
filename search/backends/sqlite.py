"""SQLite: FTS5 over normalised words stemmed in Python by the same Snowball algorithms."""

from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search.text import normalise, stem_words

from . import is_translatable, language_of, query_language, query_string, rewrite_query


class SQLiteObjectIndexer(lite.ObjectIndexer):
    """Indexes normalised, stemmed words (FTS5 has no Arabic or French stemmer)."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = language_of(obj)

    def prepare_value(self, value):
        return normalise(super().prepare_value(value))

    # Titles and bodies are stemmed; autocomplete keeps whole words for prefix matching.
    @property
    def title(self):
        return " ".join(stem_words(super().title, self.language))

    @property
    def body(self):
        return " ".join(stem_words(super().body, self.language))


class SQLiteIndex(lite.SQLiteIndex):
    def add_items(self, model, objs):
        # Upstream's add_items with our indexer (it names its module's ObjectIndexer directly).
        if not model.get_search_fields():
            return
        indexers = [SQLiteObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            lite.IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class SQLiteQueryCompiler(lite.SQLiteSearchQueryCompiler):
    def __init__(self, *args, backend=None, **kwargs):
        super().__init__(*args, **kwargs)
        language = None
        if is_translatable(self.queryset.model):
            language = query_language(backend, query_string(self.query))
        self.query = rewrite_query(self.query, lambda q: " ".join(stem_words(q, language)))
        if isinstance(self.query, PlainText | Phrase) and not self.query.query_string.split():
            # No word left (the query was only punctuation or symbols, e.g. "-" or "?"):
            # nothing matches, rather than an FTS5 MATCH with nothing to match.
            self.query = Not(MatchAll())


class SQLiteAutocompleteQueryCompiler(lite.SQLiteAutocompleteQueryCompiler):
    def __init__(self, *args, backend=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = rewrite_query(self.query, normalise)


class SQLiteSearchBackend(lite.SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex
    # FTS5's bm25() is negative: the lower, the better.
    higher_score_is_better = False

    def __init__(self, params):
        super().__init__(params)
        self.language = params.get("LANGUAGE")

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        # The compilers need the backend to know which language to stem the query in.
        compiler_class = query_compiler_class

        def bound(*args, **kw):
            return compiler_class(*args, backend=self, **kw)

        return super()._search(bound, query, model_or_queryset, **kwargs)
