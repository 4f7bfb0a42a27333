"""``/healthz``'s ``queue``: tasks waiting, the oldest one's age, failed tasks awaiting staff.

Registered as a ``health_report`` hook (``wagtail_hooks.py``); ``portal.health`` shows it.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus as TaskState

from .models import TaskRecord


def queue_report(now=None):
    """``{"pending": int, "oldest_pending_seconds": int|None, "failed": int, "late": bool}``.

    Pending means waiting and due (a retry scheduled for later is not late yet) or running;
    read from the task report's table (``TaskRecord``), whatever the backend.
    """
    now = now or timezone.now()
    due = Q(run_after__isnull=True) | Q(run_after__lte=now)
    pending = TaskRecord.objects.filter(
        Q(status=TaskState.RUNNING) | (Q(status=TaskState.READY) & due)
    )
    oldest = pending.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    age = None
    if oldest:
        since = max(filter(None, oldest))
        age = max(0, int((now - since).total_seconds()))
    failed = TaskRecord.objects.filter(status=TaskState.FAILED, retried_as="").count()
    return {
        "pending": pending.count(),
        "oldest_pending_seconds": age,
        "failed": failed,
        "late": age is not None and age > settings.TASK_QUEUE_LATE_SECONDS,
    }
