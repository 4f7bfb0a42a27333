"""One audit trail (issue 20): a change to an entry is one line of Wagtail's log, which the
History tab shows and ``services.history_of`` reads; the changes only the former
``EntryChange`` table held are copied into that log by migration 0008."""

import datetime
import importlib
import re
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from campaigns.tracker import services
from campaigns.tracker.models import Need, ScopedLogEntry

from .test_tracker_history_readable import client_in, history_lines

pytestmark = pytest.mark.django_db

migration = importlib.import_module("campaigns.tracker.migrations.0008_entry_changes_into_log")


AUDIT_TABLES = ("logentry", "entrychange")


def inserted_tables(queries):
    """The table of each INSERT among ``queries``, in order."""
    pattern = re.compile(r'INSERT (?:OR \w+ )?INTO "?(\w+)')
    return [m.group(1) for q in queries if (m := pattern.match(q["sql"]))]


def history_tab(user, need):
    response = client_in(user, "fr").get(f"/admin/snippets/tracker/need/history/{need.pk}/")
    assert response.status_code == 200
    return history_lines(response.content.decode())


def test_a_change_is_one_audit_line_shown_in_the_history_tab(need, member):
    with CaptureQueriesContext(connection) as queries:
        services.update_need(need, user=member, quantity="650")
    # Wagtail's log tables end in "logentry"; the second trail was "tracker_entrychange"
    audit = [t for t in inserted_tables(queries.captured_queries) if t.endswith(AUDIT_TABLES)]
    assert audit == [ScopedLogEntry._meta.db_table]
    edit = services.history_of(need).get(action="tracker.edited")
    assert (edit.user, edit.data["changes"]) == (member, {"quantity": ["500", "650"]})
    assert history_tab(member, need).count("500 → 650") == 1


def test_a_change_kept_only_in_entry_change_is_in_the_history_after_migrating(need, member):
    created = services.history_of(need).get()  # written to the log and to EntryChange
    need_type = ContentType.objects.get_for_model(Need).pk
    rows = [
        SimpleNamespace(  # the EntryChange twin of the logged line: not copied again
            content_type_id=need_type,
            object_id=need.pk,
            action="created",
            changes=created.data["changes"],
            note=created.data["note"],
            source=created.data["source"],
            user_id=created.user_id,
            at=created.timestamp + datetime.timedelta(milliseconds=3),
        ),
        SimpleNamespace(  # a change whose log line is missing
            content_type_id=need_type,
            object_id=need.pk,
            action="edited",
            changes={"quantity": ["500", "650"]},
            note="",
            source="import",
            user_id=member.pk,
            at=created.timestamp + datetime.timedelta(hours=1),
        ),
    ]
    assert migration.copy_missing(rows, ScopedLogEntry, ContentType) == 1
    history = list(services.history_of(need))
    assert [line.action for line in history] == ["tracker.created", "tracker.edited"]
    assert (history[1].user, history[1].data["source"]) == (member, "import")
    assert history[1].label == created.label  # the entry's name in Site history
    assert history_tab(member, need).count("500 → 650") == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs transactional DDL")
def test_migrating_brings_a_row_only_in_entry_change_into_the_history(need, member):
    def migrate(target):
        with connection.cursor() as cursor:  # no pending foreign key checks before DDL
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        executor = MigrationExecutor(connection)
        executor.migrate([("tracker", target)])
        return executor.loader.project_state(("tracker", target)).apps

    old = migrate("0007_need_deadline_index")  # EntryChange is back, rebuilt from the log
    EntryChange = old.get_model("tracker", "EntryChange")
    assert EntryChange.objects.filter(object_id=need.pk, action="created").count() == 1
    EntryChange.objects.create(
        content_type_id=ContentType.objects.get_for_model(Need).pk,
        object_id=need.pk,
        action="edited",
        changes={"quantity": ["500", "650"]},
        source="import",
        user_id=member.pk,
    )
    ScopedLogEntry.objects.filter(object_id=str(need.pk)).delete()  # a line lost from the log
    migrate("0009_delete_entrychange")
    history = list(services.history_of(need))
    assert [line.action for line in history] == ["tracker.created", "tracker.edited"]
    assert (history[1].user, history[1].data["source"]) == (member, "import")
    assert history_tab(member, need).count("500 → 650") == 1
