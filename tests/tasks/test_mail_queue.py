"""E-mail leaves requests: the offer form and Wagtail's moderation mail are queued on commit,
a refusing mail server costs the visitor nothing, failures are retried with backoff, then
shown to staff with the error and retried from the report; /healthz shows the queue."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.admin.mail import send_mail as wagtail_send_mail

from campaigns.background.models import TaskRecord
from tests.people.conftest import OFFER_URL, valid_offer

from .helpers import run_queued, waiting

pytestmark = pytest.mark.django_db
REFUSING = "tests.tasks.conftest.RefusingMailServer"
DURING_CAMPAIGN = "2020-05-20T10:00:00+01:00"


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("t-staff", "staff@example.org", "pw")
    client.force_login(user)
    return user


def test_the_offer_form_answers_before_the_mail_is_sent(
    client, database_queue, django_capture_on_commit_callbacks
):
    database_queue.PORTAL_EMAIL_DELIVERY_BACKEND = REFUSING  # a mail server that fails
    with (
        time_machine.travel(DURING_CAMPAIGN, tick=True),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(OFFER_URL.format(lang="fr"), valid_offer())
    assert response.status_code == 302  # the visitor is thanked, whatever the mail server does
    assert mail.outbox == []
    assert waiting("deliver_email") == 1

    database_queue.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_queued()
    assert [m.to for m in mail.outbox] == [["salma@example.net"]]
    assert "Merci d’avoir proposé votre aide" in mail.outbox[0].body


def test_wagtails_moderation_mail_goes_through_the_queue(
    database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        wagtail_send_mail("Page submitted", "Please review", ["moderator@example.org"])
    assert mail.outbox == [] and waiting("deliver_email") == 1
    run_queued()
    assert mail.outbox[0].subject == "Page submitted"
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-generated"


def test_a_refused_mail_is_retried_with_backoff_then_reported_and_retried_by_staff(
    client, staff, database_queue, django_capture_on_commit_callbacks
):
    database_queue.PORTAL_EMAIL_DELIVERY_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        wagtail_send_mail("Invitation", "Join us", ["partner@example.org"])
    start = timezone.now()
    waits = []
    with time_machine.travel(start, tick=False) as clock:
        for _attempt in range(5):
            assert run_queued() == 1
            retry = TaskRecord.objects.filter(status="READY").first()
            if retry is None:
                break
            waits.append(round((retry.run_after - timezone.now()).total_seconds()))
            assert run_queued() == 0  # not before its time
            clock.shift(datetime.timedelta(seconds=waits[-1] + 1))
    assert waits == [30, 60, 120, 240]
    assert mail.outbox == []

    report = client.get("/admin/reports/tasks/")
    assert report.status_code == 200
    page = report.content.decode()
    assert "deliver_email" in page
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in page
    failed = TaskRecord.objects.get(status="FAILED", retried_as="")
    assert failed.attempt == 5
    assert client.get("/healthz").json()["queue"]["failed"] == 1

    database_queue.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(f"/admin/reports/tasks/{failed.pk}/retry/")
    assert response.status_code == 302
    assert run_queued() == 1
    assert [m.to for m in mail.outbox] == [["partner@example.org"]]
    assert "SMTPServerDisconnected" not in client.get("/admin/reports/tasks/").content.decode()


def test_the_task_report_is_for_staff_with_the_permission(client, database_queue):
    user = get_user_model().objects.create_user("t-visitor", "v@example.org", "pw")
    user.user_permissions.add(*_admin_access())
    client.force_login(user)
    assert client.get("/admin/reports/tasks/").status_code in (302, 403)
    failed = TaskRecord.objects.create(
        task_id="x", task_path="campaigns.background.mail.deliver_email", status="FAILED",
        enqueued_at=timezone.now(), error="RuntimeError: boom",
    )  # fmt: skip
    assert client.post(f"/admin/reports/tasks/{failed.pk}/retry/").status_code in (302, 403)
    failed.refresh_from_db()
    assert failed.retried_as == ""


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


def test_healthz_reports_the_oldest_waiting_task(client, database_queue):
    from campaigns.background.tasks import prune_task_records

    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=10)):
        prune_task_records.enqueue()
    prune_task_records.enqueue()
    response = client.get("/healthz")
    assert response.status_code == 200  # a late queue does not take the server out
    queue = response.json()["queue"]
    assert queue["pending"] == 2
    assert 595 <= queue["oldest_pending_seconds"] <= 700
    assert queue["late"] is True
    run_queued()
    assert client.get("/healthz").json()["queue"] == {
        "pending": 0, "oldest_pending_seconds": None, "failed": 0, "late": False,
    }  # fmt: skip
