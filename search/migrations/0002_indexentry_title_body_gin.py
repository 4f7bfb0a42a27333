"""A GIN index on the expression the PostgreSQL search matches (title || body).

Wagtail's search filters on ``(title || body) @@ query``; without an index on that expression
PostgreSQL has no statistics for it, estimates one matching row, and with many matches picks a
nested loop that took seconds on 10,000 pages (bench/search_bench.py). The index gives it both
the statistics and a fast lookup. Nothing is done on other databases.
"""

from django.db import migrations

INDEX = "portal_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
