"""What staff see of the task queue, whatever the backend (database or RQ)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskState(models.TextChoices):
    READY = "READY", _("waiting")
    RUNNING = "RUNNING", _("running")
    SUCCESSFUL = "SUCCESSFUL", _("done")
    FAILED = "FAILED", _("failed")


class TaskRecord(models.Model):
    """One run of a background task (one attempt), as the admin's task report lists it.

    Written from django-tasks' signals by every backend, so the report, the retry button and
    ``/healthz`` read one table whether tasks live in the database or in Redis. Successful
    runs are pruned after a day by the schedule; failed ones stay until retried.
    """

    task_id = models.CharField(_("task id"), max_length=64, unique=True)
    task_path = models.CharField(_("task"), max_length=255)
    queue_name = models.CharField(_("queue"), max_length=32, default="default")
    args_kwargs = models.JSONField(_("arguments"), default=dict)
    status = models.CharField(
        _("state"), max_length=16, choices=TaskState.choices, default=TaskState.READY
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    enqueued_at = models.DateTimeField(_("enqueued at"))
    run_after = models.DateTimeField(_("not before"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    retried_as = models.CharField(_("retried as"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("background task")
        verbose_name_plural = _("background tasks")
        ordering = ["-enqueued_at"]
        indexes = [models.Index(fields=["status", "enqueued_at"], name="background_state_age")]
        permissions = [("retry_taskrecord", _("Can see and retry background tasks"))]

    def __str__(self):
        return f"{self.task_name} ({self.get_status_display()})"

    @property
    def task_name(self):
        return self.task_path.rsplit(".", 1)[-1]

    @property
    def error_summary(self):
        """The last line of the traceback: the exception and its message."""
        lines = [line for line in self.error.strip().splitlines() if line.strip()]
        return lines[-1] if lines else ""


class SentMessage(models.Model):
    """An e-mail the worker handed to the mail server, by the key it was queued with.

    A job runs at least once (a worker killed after sending and before marking the job done
    runs it again); ``deliver_email`` skips a message whose key is here, so the re-run sends
    nothing. Pruned with the task records after a week.
    """

    key = models.CharField(_("message key"), max_length=64, unique=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self):
        return self.key
