"""Keep ``TaskRecord`` in step with django-tasks' signals (enqueued, started, finished).

The signals fire in the process that does the work: the web process for ``enqueued``, the
worker for ``started`` and ``finished`` (or the same process with the immediate backend).
With RQ a fast worker may finish before the web process records the enqueue, so every step
writes with ``update_or_create`` on the task id and ``enqueued`` never overwrites a later state.
"""

import logging
import sys
import traceback

from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_enqueued, task_finished, task_started

from .models import TaskRecord, TaskState

logger = logging.getLogger(__name__)


def _attempt(task_result):
    return int((task_result.kwargs or {}).get("attempt", 1) or 1)


def _base_fields(task_result):
    task = task_result.task
    return {
        "task_path": task.module_path[:255],
        "queue_name": task.queue_name,
        "args_kwargs": {"args": list(task_result.args), "kwargs": dict(task_result.kwargs)},
        "attempt": _attempt(task_result),
        "run_after": task.run_after,
    }


def record_enqueued(sender, task_result, **kwargs):
    """A new task waits in the queue."""
    try:
        TaskRecord.objects.get_or_create(
            task_id=str(task_result.id),
            defaults={
                **_base_fields(task_result),
                "enqueued_at": task_result.enqueued_at or timezone.now(),
            },
        )
    except Exception:  # the ledger must never stop the work itself from being queued
        logger.exception("Could not record enqueued task %s", task_result.id)


def record_started(sender, task_result, **kwargs):
    """A worker took the task."""
    _update(
        task_result,
        status=TaskState.RUNNING,
        started_at=task_result.started_at or timezone.now(),
    )


def record_finished(sender, task_result, **kwargs):
    """The task succeeded, or failed with the error kept for the report."""
    failed = task_result.status == TaskResultStatus.FAILED
    error = ""
    if failed and task_result.errors:
        last = task_result.errors[-1]
        error = last.traceback or last.exception_class_path
    elif failed and sys.exc_info()[1] is not None:
        # RQ calls its failure callback (hence this signal) inside its ``except`` block,
        # before the job's result (with the traceback) is saved: take the exception here.
        error = "".join(traceback.format_exception(sys.exc_info()[1]))
    _update(
        task_result,
        status=TaskState.FAILED if failed else TaskState.SUCCESSFUL,
        finished_at=task_result.finished_at or timezone.now(),
        error=error,
    )


def _update(task_result, **fields):
    try:
        TaskRecord.objects.update_or_create(
            task_id=str(task_result.id),
            defaults=fields,
            create_defaults={
                **_base_fields(task_result),
                "enqueued_at": task_result.enqueued_at or timezone.now(),
                **fields,
            },
        )
    except Exception:
        logger.exception("Could not record task %s", task_result.id)


def connect():
    """Connect the ledger to django-tasks' signals (from the app's ``ready``)."""
    task_enqueued.connect(record_enqueued, dispatch_uid="background.enqueued")
    task_started.connect(record_started, dispatch_uid="background.started")
    task_finished.connect(record_finished, dispatch_uid="background.finished")
