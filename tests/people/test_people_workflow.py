"""Moderated publishing: editor submits, moderator rejects with a comment or approves (or
schedules); moderators and editors are told by e-mail."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from campaigns.models import StandardPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def submit_new_page(client, editor, slug="volunteer", **extra):
    home = HomePage.objects.get(locale__language_code="ar")
    client.force_login(editor)
    data = nested_form_data({"title": "تطوع", "slug": slug, "body": streamfield([]), **extra})
    data["action-submit"] = "Submit"
    url = reverse("wagtailadmin_pages:add", args=["campaigns", "standardpage", home.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return StandardPage.objects.get(slug=slug, locale__language_code="ar")


def act(client, page, action, comment=""):
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status="in_progress"
    )
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment} if comment else {})


def test_editor_submits_and_moderators_are_told(
    client, editor, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_new_page(client, editor)
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), base_content_type__model="page")
    assert state.status == "in_progress" and state.requested_by == editor
    recipients = {address for message in mailoutbox for address in message.to}
    assert moderator.email in recipients
    assert editor.email not in recipients


def test_editor_cannot_publish(client, editor):
    home = HomePage.objects.get(locale__language_code="ar")
    client.force_login(editor)
    data = nested_form_data({"title": "x", "slug": "x-page", "body": streamfield([])})
    data["action-publish"] = "Publish"
    url = reverse("wagtailadmin_pages:add", args=["campaigns", "standardpage", home.pk])
    client.post(url, data)
    page = StandardPage.objects.filter(slug="x-page").first()
    assert page is None or not page.live


def test_moderator_rejects_with_comment_then_approves(
    client, editor, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    page = submit_new_page(client, editor)
    mailoutbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, page, "reject", comment="Ajoutez la date, svp.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert not page.live
    to_editor = [m for m in mailoutbox if editor.email in m.to]
    assert to_editor and "Ajoutez la date, svp." in to_editor[-1].body

    # the editor resubmits, the moderator approves: published
    client.force_login(editor)
    data = nested_form_data({"title": "تطوع", "slug": "volunteer", "body": streamfield([])})
    data["action-submit"] = "Submit"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    mailoutbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert any(editor.email in m.to for m in mailoutbox)


def test_approval_of_a_dated_page_schedules_it(client, editor, moderator):
    go_live = (timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    page = submit_new_page(client, editor, slug="later", go_live_at=go_live)
    client.force_login(moderator)
    act(client, page, "approve")
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert page.scheduled_revision is not None
    assert page.scheduled_revision.approved_go_live_at is not None
