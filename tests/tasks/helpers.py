"""Run what the database queue holds, in this process, as a worker would."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "video"]}
}


def run_queued(limit=50):
    """Run every task that is due, oldest first, until none is left; returns how many ran."""
    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="test-worker", excluded_queue_names=[],
    )  # fmt: skip
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().first()
        if result is None:
            return ran
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    raise AssertionError(f"more than {limit} tasks: a task keeps enqueueing itself")


def waiting(task_name):
    """How many tasks of that name wait in the database queue."""
    return DBTaskResult.objects.filter(status="READY", task_path__endswith=f".{task_name}").count()
