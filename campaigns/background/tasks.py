"""Housekeeping tasks of the queue itself and the periodic ones the schedule enqueues."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .models import SentMessage, TaskRecord, TaskState

KEEP_SUCCESSFUL = timedelta(days=1)
KEEP_SENT_KEYS = timedelta(days=7)  # longer than any retry or recovery of a message


@task()
def prune_task_records():
    """Forget successful runs older than a day (failures stay until retried) and the keys of
    e-mails sent more than a week ago."""
    now = timezone.now()
    deleted, _ = TaskRecord.objects.filter(
        status=TaskState.SUCCESSFUL, finished_at__lt=now - KEEP_SUCCESSFUL
    ).delete()
    SentMessage.objects.filter(sent_at__lt=now - KEEP_SENT_KEYS).delete()
    return deleted


@task()
def expire_invitations():
    """Record in their history the invitations that expired unused (daily)."""
    from campaigns.people.invitations import record_expired_invitations

    return record_expired_invitations()
