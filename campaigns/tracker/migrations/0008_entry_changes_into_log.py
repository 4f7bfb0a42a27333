"""Copy into Wagtail's log (the tracker's scoped log table) every ``EntryChange`` row that has
no log line of its own, so that dropping ``EntryChange`` (0009) loses no history (issue 20).

Until now ``log_change`` wrote each change twice, the log line a moment before the row: a
row is matched to a log line of the same entry, action, author, changes and note written
within ``SAME_CHANGE`` of it, each line matching one row at most.
"""

import datetime

from django.db import migrations

PREFIX = "tracker."
SAME_CHANGE = datetime.timedelta(seconds=5)


def _key(content_type_id, object_id, action, user_id):
    return (content_type_id, str(object_id), action, user_id)


def copy_missing(rows, LogEntry, ContentType):
    """Write a log line for each of ``rows`` (``EntryChange``-shaped: ``content_type_id``,
    ``object_id``, ``action``, ``changes``, ``note``, ``source``, ``user_id``, ``at``) that
    ``LogEntry`` does not hold yet; returns the number of lines written."""
    logged, labels = {}, {}
    for line in LogEntry.objects.filter(action__startswith=PREFIX).order_by("timestamp", "pk"):
        key = _key(line.content_type_id, line.object_id, line.action, line.user_id)
        logged.setdefault(key, []).append(line)
        labels.setdefault((line.content_type_id, line.object_id), line.label)
    models = dict(ContentType.objects.values_list("pk", "model"))
    missing = []
    for row in rows:
        data = {"changes": row.changes or {}, "note": row.note or "", "source": row.source}
        candidates = logged.get(_key(row.content_type_id, row.object_id, PREFIX + row.action,
                                     row.user_id), [])  # fmt: skip
        twin = next(
            (
                line
                for line in candidates
                if abs(line.timestamp - row.at) <= SAME_CHANGE
                and (line.data.get("changes") or {}) == data["changes"]
                and (line.data.get("note") or "") == data["note"]
            ),
            None,
        )
        if twin is not None:
            candidates.remove(twin)
            continue
        label = labels.get((row.content_type_id, str(row.object_id)))
        missing.append(
            LogEntry(
                content_type_id=row.content_type_id,
                object_id=str(row.object_id),
                label=label or f"{models.get(row.content_type_id, '')} #{row.object_id}",
                action=PREFIX + row.action,
                data=data,
                timestamp=row.at,
                user_id=row.user_id,
            )
        )
    LogEntry.objects.bulk_create(missing, batch_size=500)
    return len(missing)


def forwards(apps, schema_editor):
    rows = apps.get_model("tracker", "EntryChange").objects.order_by("at", "pk")
    copy_missing(
        rows.iterator(chunk_size=2000),
        apps.get_model("tracker", "ScopedLogEntry"),
        apps.get_model("contenttypes", "ContentType"),
    )


def backwards(apps, schema_editor):
    """Rebuild ``EntryChange`` from the tracker's log lines (the code before 0008 reads it)."""
    EntryChange = apps.get_model("tracker", "EntryChange")
    lines = apps.get_model("tracker", "ScopedLogEntry").objects.filter(
        action__startswith=PREFIX, object_id__regex=r"^[0-9]+$"
    )
    rows = [
        EntryChange(
            content_type_id=line.content_type_id,
            object_id=int(line.object_id),
            action=line.action.removeprefix(PREFIX),
            changes=line.data.get("changes") or {},
            note=line.data.get("note") or "",
            source=line.data.get("source") or "system",
            user_id=line.user_id,
        )
        for line in lines.order_by("timestamp", "pk").iterator(chunk_size=2000)
    ]
    created = EntryChange.objects.bulk_create(rows, batch_size=500)
    for row, line in zip(created, lines.order_by("timestamp", "pk"), strict=True):
        row.at = line.timestamp  # ``at`` is auto_now_add: set after the insert
    EntryChange.objects.bulk_update(created, ["at"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("tracker", "0007_need_deadline_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
