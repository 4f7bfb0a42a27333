"""Jobs whose worker died mid-run (``SIGKILL``, out of memory, power loss) go back to the queue.

A worker stopped by ``SIGTERM`` finishes the job in hand; one killed outright cannot say so,
and its job would stay *running* for ever. Each backend gets it back differently:

- database (``django-tasks-db``, which has no heartbeat): the schedule runs
  ``requeue_abandoned_tasks`` every minute; a row still *running* ``TASK_LEASE_SECONDS`` after
  it started is made *waiting* again, with the same id, and the next free worker runs it. The
  lease must exceed the longest job (default 2,100 s: RQ's 1,800 s job timeout plus margin),
  or a slow job still running would be started a second time.
- RQ: RQ itself notices a job whose worker stopped its heartbeat (within about 90 s) and,
  at its registry maintenance (a worker's, every 10 minutes, or the schedule's
  ``requeue_abandoned_tasks``, every minute), fails it with ``AbandonedJobError``;
  ``requeue_abandoned_rq_job`` (an RQ exception handler, ``RQ_EXCEPTION_HANDLERS``) enqueues
  the same task again, linked to the failed run in the task report.

So delivery is *at least once*: a job killed after its side effect and before it was marked
done runs again. Every task is written to be safe to run twice (docs/deployment.md lists how);
e-mail remembers each message it sent (``campaigns.background.mail``).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks.base import TaskResultStatus

from .models import TaskRecord, TaskState

logger = logging.getLogger(__name__)


def requeue_abandoned(*, now=None, lease_seconds=None):
    """Put back in the database queue every task *running* for longer than the lease.

    :param now: the time to measure from (default: now).
    :param lease_seconds: how long a job may run before it counts as abandoned
        (default: ``settings.TASK_LEASE_SECONDS``).
    :returns: the ids (strings) of the tasks made *waiting* again.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    lease = settings.TASK_LEASE_SECONDS if lease_seconds is None else lease_seconds
    cutoff = now - timedelta(seconds=lease)
    with transaction.atomic():
        # skip_locked: a worker claiming or finishing a row right now keeps it.
        stale = list(
            DBTaskResult.objects.select_for_update(skip_locked=True)
            .filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
            .values_list("id", flat=True)
        )
        DBTaskResult.objects.filter(id__in=stale, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
    task_ids = [str(task_id) for task_id in stale]
    TaskRecord.objects.filter(task_id__in=task_ids).update(status=TaskState.READY, started_at=None)
    for task_id in task_ids:
        logger.warning("Task %s was abandoned by its worker: queued again", task_id)
    return task_ids


def clean_rq_started_jobs():
    """RQ backend: run RQ's own check of started jobs now, on every queue, so that a job
    whose worker's heartbeat stopped is failed and handed to ``requeue_abandoned_rq_job``
    within a minute rather than at a worker's next maintenance (every 10 minutes).

    :returns: how many started jobs RQ still lists (abandoned ones are gone from it).
    """
    import django_rq
    from django_tasks_rq import Job
    from rq.registry import StartedJobRegistry

    still_started = 0
    for name in settings.RQ_QUEUES:
        queue = django_rq.get_queue(name, job_class=Job)
        registry = StartedJobRegistry(queue=queue, job_class=Job)
        registry.cleanup(exception_handlers=[requeue_abandoned_rq_job])
        still_started += registry.get_job_count(cleanup=False)
    return still_started


@task()
def requeue_abandoned_tasks():
    """The schedule's task (every minute): ``requeue_abandoned`` on the database queue, and
    RQ's check of abandoned jobs when RQ is the backend; returns how many were re-queued
    from the database (RQ's are logged)."""
    from django_tasks import task_backends
    from django_tasks_rq import RQBackend

    if isinstance(task_backends["default"], RQBackend):
        clean_rq_started_jobs()
        return 0
    return len(requeue_abandoned())


def requeue_abandoned_rq_job(job, exc_type, exc_value, traceback):
    """RQ exception handler: a job whose worker died is enqueued again as the same task.

    RQ calls it for every failure; only ``AbandonedJobError`` (the worker's heartbeat stopped)
    is handled, other failures are left to the task's own retries. Returns ``True`` so that
    RQ's next handler runs too.
    """
    from rq.exceptions import AbandonedJobError

    from .retry import enqueue_again

    if exc_type is not None and issubclass(exc_type, AbandonedJobError):
        try:
            result = enqueue_again(
                import_string(job.func_name), list(job.args), dict(job.kwargs), replaces=job.id
            )
        except Exception:  # the handler must not stop RQ's maintenance of other jobs
            logger.exception("Could not queue abandoned job %s again", job.id)
        else:
            logger.warning("Job %s was abandoned by its worker: queued as %s", job.id, result.id)
    return True
