"""Housekeeping tasks of the queue itself and the periodic ones the schedule enqueues."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .models import TaskRecord, TaskState

KEEP_SUCCESSFUL = timedelta(days=1)


@task()
def prune_task_records():
    """Forget successful runs older than a day (failures stay until retried)."""
    cutoff = timezone.now() - KEEP_SUCCESSFUL
    deleted, _ = TaskRecord.objects.filter(
        status=TaskState.SUCCESSFUL, finished_at__lt=cutoff
    ).delete()
    return deleted


@task()
def expire_invitations():
    """Record in their history the invitations that expired unused (daily)."""
    from campaigns.people.invitations import record_expired_invitations

    return record_expired_invitations()
