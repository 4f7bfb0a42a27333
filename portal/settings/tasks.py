"""Task-queue settings (django-tasks) from one choice, kept apart like storage.py.

``TASK_BACKEND`` names where background work runs:

- ``immediate``: inside the process that enqueues it (the test suite, one-off commands);
- ``database``: rows in the portal's own database, run by ``manage.py db_worker``
  (the embedded default: ``make run`` starts that worker beside the server);
- ``rq``: RQ on Redis (``REDIS_URL``), run by ``manage.py rqworker --with-scheduler`` on any
  number of machines (production; see deploy/portal-worker@.service).
"""

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
}
QUEUES = ["default", "video"]  # video renditions apart, so a long transcode never delays mail


def task_settings(backend, redis_url):
    """``TASKS`` and ``RQ_QUEUES`` for ``backend`` (one of ``BACKENDS``).

    :raises ImproperlyConfigured: an unknown backend, or ``rq`` without ``REDIS_URL``.
    """
    if backend not in BACKENDS:
        raise ImproperlyConfigured(
            f"TASK_BACKEND must be one of {', '.join(BACKENDS)} (got {backend!r})."
        )
    if backend == "rq" and not redis_url:
        raise ImproperlyConfigured("TASK_BACKEND=rq needs REDIS_URL.")
    tasks = {"default": {"BACKEND": BACKENDS[backend], "QUEUES": QUEUES}}
    # A job's result (and a failure's traceback) is kept a week for the admin's task report.
    rq_queues = {
        name: {"URL": redis_url or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 1800}
        for name in QUEUES
    }
    return {"TASKS": tasks, "RQ_QUEUES": rq_queues}
