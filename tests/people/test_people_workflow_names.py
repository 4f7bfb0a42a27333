"""The moderation workflow's and task's names in the reader's language: the publish menu,
the status panel and the moderation e-mails (each in its recipient's language); stored once,
in English."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry, Task, Workflow
from wagtail.users.models import UserProfile

from campaigns.people import roles
from home.models import HomePage

from .test_people_workflow import submit_new_page

pytestmark = pytest.mark.django_db

NAMES = {
    "ar": ("مراجعة محتوى الحملات", "موافقة مشرف الاتصال"),
    "fr": (
        "Modération des contenus de campagne",
        "Approbation par un modérateur de la communication",
    ),
}
ENGLISH = (roles.WORKFLOW_NAME, roles.TASK_NAME)


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_publish_menu_names_the_workflow_in_the_editors_language(client, editor, language):
    prefer(editor, language)
    client.force_login(editor)
    home = HomePage.objects.get(locale__language_code="ar")
    url = reverse("wagtailadmin_pages:add", args=["campaigns", "standardpage", home.pk])
    page = client.get(url).content.decode()
    workflow, _task = NAMES[language]
    assert workflow in page
    assert roles.WORKFLOW_NAME not in page


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_moderation_emails_name_workflow_and_task_in_the_recipients_language(
    client, editor, moderator, mailoutbox, django_capture_on_commit_callbacks, language
):
    prefer(moderator, language)
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_new_page(client, editor)
    to_moderator = [m for m in mailoutbox if moderator.email in m.to]
    assert to_moderator
    text = "\n".join(m.subject + "\n" + m.body for m in to_moderator)
    assert any(name in text for name in NAMES[language]), text
    for english in ENGLISH:
        assert english not in text
    # the editor's page now waits at the task: its status panel names it in Arabic too
    prefer(editor, "ar")
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert NAMES["ar"][1] in edit and roles.TASK_NAME not in edit


def test_names_are_stored_and_logged_in_english(client, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit_new_page(client, editor)
    with translation.override("ar"):
        workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
        assert str(workflow.name) == NAMES["ar"][0]
        workflow.save()  # saved as loaded: still the English source
    assert Workflow.objects.filter(name=roles.WORKFLOW_NAME).exists()
    logged = PageLogEntry.objects.filter(action="wagtail.workflow.start").latest("pk")
    assert json.dumps(logged.data).count(roles.WORKFLOW_NAME) == 1
    with translation.override("fr"):
        message = str(logged.message)
    assert NAMES["fr"][0] in message, message


def test_a_name_saved_from_the_arabic_edit_form_stays_english(admin_user):
    task = Task.objects.get(name=roles.TASK_NAME).specific
    task.name = NAMES["ar"][1]  # what the Arabic edit form shows, submitted unchanged
    task.save()
    assert Task.objects.filter(name=roles.TASK_NAME).exists()
