"""A job whose worker died is queued again (at least once), and a message that was already
sent is not sent a second time by the re-run."""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rq.exceptions import AbandonedJobError

from campaigns.background.mail import deliver_email
from campaigns.background.models import TaskRecord
from campaigns.background.recovery import requeue_abandoned, requeue_abandoned_rq_job
from campaigns.background.schedule import PERIODIC

from .helpers import run_queued, waiting

pytestmark = pytest.mark.django_db


def _payload(to="editor@example.org"):
    return {
        "key": "k-1", "subject": "Offer accepted", "body": "Thank you", "from_email": None,
        "to": [to], "cc": [], "bcc": [], "reply_to": [], "headers": {}, "alternatives": [],
        "attachments": [],
    }  # fmt: skip


def _killed_mid_run(result_id, minutes_ago):
    """What a worker killed by SIGKILL leaves: the row still running since it started."""
    started = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(id=result_id).update(status="RUNNING", started_at=started)
    TaskRecord.objects.filter(task_id=str(result_id)).update(status="RUNNING")


def test_the_schedule_looks_for_abandoned_jobs_every_minute():
    assert ("campaigns.background.recovery.requeue_abandoned_tasks", 60) in PERIODIC


def test_a_message_sent_before_the_worker_died_is_not_sent_again(database_queue, settings):
    settings.TASK_LEASE_SECONDS = 600
    result = deliver_email.enqueue(_payload())
    run_queued()
    assert len(mail.outbox) == 1
    # The worker was killed after the server accepted the message, before the job was done.
    _killed_mid_run(result.id, minutes_ago=11)

    assert requeue_abandoned() == [str(result.id)]
    assert waiting("deliver_email") == 1
    assert TaskRecord.objects.get(task_id=str(result.id)).status == "READY"
    run_queued()
    assert len(mail.outbox) == 1  # the re-run found the message's key and sent nothing
    assert DBTaskResult.objects.get(id=result.id).return_value["sent"] is False


def test_a_job_still_within_its_lease_is_left_to_its_worker(database_queue, settings):
    settings.TASK_LEASE_SECONDS = 600
    result = deliver_email.enqueue(_payload())
    _killed_mid_run(result.id, minutes_ago=5)  # a slow job, its worker maybe still alive
    assert requeue_abandoned() == []
    assert DBTaskResult.objects.get(id=result.id).status == "RUNNING"


def test_rq_abandoned_job_is_enqueued_again_as_the_same_task(settings):
    """RQ calls its exception handlers with AbandonedJobError for a job whose worker died;
    here the suite's immediate backend runs the new task at once."""
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    job = SimpleNamespace(
        id="rq-job-1", func_name="campaigns.background.mail.deliver_email",
        args=[_payload("press@example.org")], kwargs={},
    )  # fmt: skip
    TaskRecord.objects.create(
        task_id="rq-job-1", task_path=job.func_name, status="FAILED", enqueued_at=timezone.now()
    )
    assert requeue_abandoned_rq_job(job, AbandonedJobError, AbandonedJobError(), None) is True
    assert [m.to for m in mail.outbox] == [["press@example.org"]]
    assert TaskRecord.objects.get(task_id="rq-job-1").retried_as  # linked in the report

    # Any other failure is left to the task's own retries.
    requeue_abandoned_rq_job(job, RuntimeError, RuntimeError(), None)
    assert len(mail.outbox) == 1


def test_a_queued_message_carries_a_key(database_queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Subject", "Body", None, ["a@example.org"])
    (result,) = DBTaskResult.objects.filter(task_path__endswith=".deliver_email")
    assert len(result.args_kwargs["args"][0]["key"]) == 32
