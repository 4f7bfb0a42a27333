"""PostgreSQL: one text-search configuration per content language, normalised text."""

from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.utils import get_content_type_pk

from search.text import normalise

from . import is_translatable, language_of, query_language, query_string, rewrite_query

PG_CONFIGS = {"ar": "arabic", "fr": "french", "en": "english"}


class PostgresObjectIndexer(pg.ObjectIndexer):
    """Indexes normalised text with the text-search configuration of the object's language."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.config = PG_CONFIGS.get(language_of(obj), "simple")

    def prepare_value(self, value):
        return normalise(super().prepare_value(value))


class PostgresIndex(pg.PostgresIndex):
    def add_items(self, model, objs):
        # Upstream's add_items with our indexer (it names its module's ObjectIndexer directly).
        if not model.get_search_fields():
            return
        indexers = [PostgresObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = pg.InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    pg.IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = pg.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,"  # noqa: S608
                " title_norm, title_text, body_text)"
                f" (VALUES {', '.join(rows)})"
                " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,"
                " title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
                " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


class PostgresQueryCompilerMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = rewrite_query(self.query, normalise)

    def get_config(self, backend):
        if not is_translatable(self.queryset.model):
            return "simple"
        return PG_CONFIGS.get(query_language(backend, query_string(self.query)), "simple")


class PostgresQueryCompiler(PostgresQueryCompilerMixin, pg.PostgresSearchQueryCompiler):
    pass


class PostgresAutocompleteQueryCompiler(
    PostgresQueryCompilerMixin, pg.PostgresAutocompleteQueryCompiler
):
    def get_config(self, backend):
        return "simple"


class PostgresSearchBackend(pg.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = PostgresIndex
    higher_score_is_better = True

    def __init__(self, params):
        super().__init__(params)
        self.language = params.get("LANGUAGE")
