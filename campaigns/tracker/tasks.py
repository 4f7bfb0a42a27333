"""Tracker imports of many rows as a background task.

The file travels through Django's default storage (S3 in production), so the worker that runs
the import may be on another machine than the one that received the file. The task's return
value is the report (kept by the backend; errors are shown in the admin's task report).
"""

import os
import tempfile

from django.core.files.storage import default_storage
from django_tasks import task

from .imports import run_import

UPLOAD_PREFIX = "imports/tracker/"


def store_upload(name, handle):
    """Keep an uploaded CSV in storage for the worker; returns its stored name."""
    return default_storage.save(f"{UPLOAD_PREFIX}{os.path.basename(name)}", handle)


@task()
def import_tracker_file(stored_name, kind, partner, campaign=None, dry_run=False):
    """Run ``run_import`` on a stored CSV, then delete it.

    :returns: ``{"imported": int, "skipped": int, "errors": [[line, field, message], ...]}``;
        nothing is kept when ``errors`` is not empty (the import is all or nothing).
    :raises ImportRefused: missing columns or unknown partner (the task fails, with the
        message, in the task report).
    """
    with (
        default_storage.open(stored_name, "rb") as source,
        tempfile.NamedTemporaryFile(suffix=".csv") as local,
    ):
        local.write(source.read())
        local.flush()
        report = run_import(local.name, kind, partner, campaign=campaign, dry_run=dry_run)
    default_storage.delete(stored_name)
    return {
        "imported": report.imported,
        "skipped": report.skipped,
        "errors": [list(error) for error in report.errors],
    }
