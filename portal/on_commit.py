"""Work a write asks for, sent once its transaction commits: background tasks and batches.

A request may ask many times for the same task or add to the same batch (every URL an edge
purge must retire); each leaves once, when the transaction commits, and nothing leaves when
it rolls back. A coalesced task leaves once for all the writes of every process that commit
while it waits (a campaign's figures purged once for a burst of gifts).
"""

import datetime
import threading

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TASK_MAX_PRIORITY

_pending = threading.local()

# How long a coalesced task's marker lasts beyond the task's ``delay``: longer than a
# top-priority task waits for a free worker, short because it is also how long a lost claim
# (the process killed between ``cache.add`` and the task's enqueue, or before the task started)
# holds back the next writes' task. A queue slower than this gets one more task per marker,
# never a write left without one.
COALESCE_MARKER_SECONDS = 5


def enqueue_on_commit(task, *args, coalesce_key=None, delay=0):
    """Enqueue the django-tasks ``task`` with ``args`` (JSON values) once the transaction
    commits: once per write, however many times a write asks for it.

    With ``coalesce_key`` (a cache key), once for all the writes of every process that
    commit while such a task waits: the first write's commit sets the key in the shared
    cache (``cache.add``, atomic) and enqueues; the others find it set and enqueue nothing.
    The task must call :func:`coalesced_task_started` with the key before its work, so a
    write committed after that enqueues the next task (nothing is left undone). ``delay``
    (seconds) defers the task, where its backend can, to gather a burst of writes.
    """
    _forget_rolled_back()
    _pending.__dict__.setdefault("tasks", {})[(task.module_path, args)] = (
        task,
        coalesce_key,
        delay,
    )
    transaction.on_commit(_send)


def batch_on_commit(send, items):
    """Add ``items`` (hashable values) to this write's batch for ``send``; once the
    transaction commits, ``send(items)`` is called once with the set of all of them (after
    the write's tasks are enqueued)."""
    _forget_rolled_back()
    _pending.__dict__.setdefault("batches", {}).setdefault(send, set()).update(items)
    transaction.on_commit(_send)


def coalesced_task_started(coalesce_key):
    """Called by a coalesced task before its work: writes committed from now on enqueue the
    next task instead of relying on this one (``enqueue_on_commit(..., coalesce_key=...)``)."""
    cache.delete(coalesce_key)


def urgent(task):
    """``task`` at the queue's top priority where its backend orders work by priority (the
    database queue, immediate); unchanged where it cannot (RQ: first in, first out), which
    refuses a priority."""
    if task.get_backend().supports_priority:
        return task.using(priority=TASK_MAX_PRIORITY)
    return task


def _claim(coalesce_key, delay):
    """True if this write enqueues the coalesced task (no other is waiting), else False."""
    # False: the key is set, one task waits. None: django-redis swallowed an outage
    # (IGNORE_EXCEPTIONS) and nothing is kept, so this write enqueues one.
    return cache.add(coalesce_key, 1, delay + COALESCE_MARKER_SECONDS) is not False


def _enqueue(task, args, coalesce_key, delay):
    if coalesce_key is not None and not _claim(coalesce_key, delay):
        return
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    try:
        task.enqueue(*args)
    except Exception:
        if coalesce_key is not None:
            cache.delete(coalesce_key)  # no task waits: let the next write enqueue one
        raise


def _forget_rolled_back():
    """Drop what a rolled-back transaction asked for: Django discarded its ``_send``, so with
    none waiting on this connection what is kept here would leave with the next write's
    (a failed request's tasks and purges sent after another request succeeds)."""
    connection = transaction.get_connection()
    if not any(callback is _send for _ids, callback, _robust in connection.run_on_commit):
        _pending.__dict__.pop("tasks", None)
        _pending.__dict__.pop("batches", None)


def _send():
    tasks = _pending.__dict__.pop("tasks", {})
    for (_path, args), (queued, coalesce_key, delay) in tasks.items():
        _enqueue(queued, args, coalesce_key, delay)
    for send, items in _pending.__dict__.pop("batches", {}).items():
        send(items)
