"""Retries with exponential backoff for tasks whose failures are usually passing (SMTP, HTTP).

django-tasks runs a task once; a task that may retry takes ``attempt=1`` and wraps its work::

    @task(takes_context=True)
    def deliver_email(context, payload, attempt=1):
        with retry_on_failure(context, attempt, max_attempts=5, first_delay=30):
            ...

A failure enqueues the same task with ``attempt + 1`` to run after ``first_delay × 2^(n-1)``
seconds, then fails this attempt (kept with its error in the task report). After the last
attempt nothing more is enqueued: the failure waits for staff (retry button in the report).
"""

from contextlib import contextmanager
from datetime import timedelta

from django.utils import timezone
from django.utils.module_loading import import_string

from .models import TaskRecord


def backoff_seconds(attempt, first_delay):
    """Seconds to wait before attempt ``attempt + 1``: 30, 60, 120, … for ``first_delay=30``."""
    return first_delay * 2 ** (attempt - 1)


def enqueue_again(task, args, kwargs, *, delay=0, replaces=None):
    """Enqueue ``task(*args, **kwargs)`` now or after ``delay`` seconds; returns its result.

    ``replaces`` is the task id of the failed run this one retries (marked in the report).
    A backend that cannot defer (the immediate one) runs it at once.
    """
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
    result = task.enqueue(*args, **kwargs)
    if replaces:
        TaskRecord.objects.filter(task_id=str(replaces)).update(retried_as=str(result.id))
    return result


@contextmanager
def retry_on_failure(context, attempt, *, max_attempts, first_delay):
    """Around a task's work: on an exception, enqueue the next attempt (if any) and re-raise."""
    try:
        yield
    except Exception:
        if attempt < max_attempts:
            current = context.task_result
            enqueue_again(
                import_string(current.task.module_path),
                list(current.args),
                {**current.kwargs, "attempt": attempt + 1},
                delay=backoff_seconds(attempt, first_delay),
                replaces=current.id,
            )
        raise


def retry_record(record):
    """Staff's retry of a failed task from the report: the same task, from the first attempt.

    :returns: the new task's result.
    :raises ValueError: the record is not a failed task, or was already retried.
    """
    if record.status != "FAILED" or record.retried_as:
        raise ValueError("only a failed task that was not retried yet can be retried")
    args_kwargs = record.args_kwargs or {}
    kwargs = dict(args_kwargs.get("kwargs", {}))
    if "attempt" in kwargs:
        kwargs["attempt"] = 1
    task = import_string(record.task_path)
    return enqueue_again(task, list(args_kwargs.get("args", [])), kwargs, replaces=record.task_id)
