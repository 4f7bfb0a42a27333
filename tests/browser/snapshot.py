"""The demo site's rows, kept in memory once built and put back after each flush.

A live-server test is transactional: pytest-django flushes every table when it ends, and the
next browser test needs the demo content again. Building it (``load_demo_content``: pages,
translations, revisions, images, search index) takes 12–15 s per test on a quiet machine;
copying its rows back takes well under a second. ``take()`` reads every table Django's flush
empties (``connection.introspection.django_table_names``); ``restore()`` empties them the way
flush does and writes the rows back in one transaction (foreign keys are checked at commit,
as Django declares them ``DEFERRABLE INITIALLY DEFERRED``). PostgreSQL copies each table with
``COPY`` in text form, so every type comes back as it was; SQLite reads and inserts rows
(with their rowid for full-text tables).
Media files stay where the build wrote them (MEDIA_ROOT is one directory per test process).
"""

from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass
class Snapshot:
    """Each table's rows: ``{table: bytes}`` (PostgreSQL COPY text) or
    ``{table: (columns, rows)}`` (SQLite)."""

    tables: dict = field(default_factory=dict)


def _tables():
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _virtual_tables(cursor):
    if connection.vendor != "sqlite":
        return set()
    cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
    return {name for (name,) in cursor.fetchall()}


def take():
    """Every row of every table Django flushes, as the database holds them now."""
    snapshot = Snapshot()
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        virtual = _virtual_tables(cursor)
        for table in _tables():
            if connection.vendor == "postgresql":
                raw = cursor.cursor
                with raw.copy(f"COPY {qn(table)} TO STDOUT") as copy:
                    snapshot.tables[table] = b"".join(bytes(block) for block in copy)
            else:
                # A full-text (FTS5) table's rows are matched to the index entries by rowid,
                # which "SELECT *" does not return.
                rowid = "rowid, " if table in virtual else ""
                cursor.execute(f"SELECT {rowid}* FROM {qn(table)}")  # noqa: S608 (Django's names)
                columns = [column[0] for column in cursor.description]
                snapshot.tables[table] = (columns, cursor.fetchall())
    return snapshot


def restore(snapshot):
    """Empty every table Django flushes and write the snapshot's rows back, in one transaction.

    Sequences (PostgreSQL) are set past the restored ids. Django's content-type cache is
    cleared: the restored content types keep the ids they had when the snapshot was taken.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    qn = connection.ops.quote_name
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        virtual = _virtual_tables(cursor)
        for statement in connection.ops.sql_flush(
            no_style(), tables, reset_sequences=False, allow_cascade=True
        ):
            cursor.execute(statement)
        for table, content in snapshot.tables.items():
            if connection.vendor == "postgresql":
                if content:
                    with cursor.cursor.copy(f"COPY {qn(table)} FROM STDIN") as copy:
                        copy.write(content)
            else:
                columns, rows = content
                if rows:
                    names = ", ".join(qn(column) for column in columns)
                    marks = ", ".join(["%s"] * len(columns))
                    # Triggers may already have filled a full-text table from its
                    # index entries' rows: the snapshot's row replaces theirs.
                    verb = "INSERT OR REPLACE" if table in virtual else "INSERT"
                    cursor.executemany(f"{verb} INTO {qn(table)} ({names}) VALUES ({marks})", rows)
        models = [model for model in apps.get_models() if model._meta.db_table in tables]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    ContentType.objects.clear_cache()
