"""The worker tests' client process: ``enqueue`` the scenario's jobs (``enqueue-slow``: the
slow one alone), ``recover`` (enqueue the schedule's recovery of abandoned jobs), ``report``
as JSON, or ``cleanup`` what the workers left in a shared database.

Run as ``python -m tests.tasks.drive enqueue|report`` with tests.tasks.worker_settings.
"""

import json
import sys

import django


def enqueue():
    from tests.tasks import jobs

    jobs.slow_run.enqueue("slow", 3)
    for name in ("a", "b", "c"):
        jobs.record_run.enqueue(name)
    jobs.flaky.enqueue("flaky")
    jobs.always_fails.enqueue()


def enqueue_slow():
    from tests.tasks import jobs

    jobs.slow_run.enqueue("slow", 3)


def recover():
    from campaigns.background.recovery import requeue_abandoned_tasks

    requeue_abandoned_tasks.enqueue()  # as the schedule does every minute


def report():
    from campaigns.background.health import queue_report
    from campaigns.background.models import TaskRecord
    from campaigns.background.views import report_queryset

    records = [
        [r.task_name, r.status, r.attempt, bool(r.retried_as), r.error_summary]
        for r in TaskRecord.objects.order_by("enqueued_at", "id")
    ]
    listed = [[r.task_name, r.status, r.attempt, r.error_summary] for r in report_queryset()]
    print(json.dumps({"records": records, "report": listed, "queue": queue_report()}))


def cleanup():
    from django_tasks_db.models import DBTaskResult

    from campaigns.background.models import TaskRecord

    TaskRecord.objects.all().delete()
    DBTaskResult.objects.all().delete()


if __name__ == "__main__":
    django.setup()
    commands = {"enqueue": enqueue, "enqueue-slow": enqueue_slow, "recover": recover}
    commands.update(report=report, cleanup=cleanup)
    commands[sys.argv[1]]()
