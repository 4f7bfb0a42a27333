"""«Request changes» asks for changes; it does not reject: the editor's e-mail and the
admin's messages said «تم رفض» (rejected), «refus» and "rejected", from Wagtail's own catalogues
and source. The project's catalogues (locale/, English included) say «changes requested»."""

import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import TaskState, WorkflowState

from .test_people_workflow import act, submit_new_page
from .test_people_workflow_names import prefer

pytestmark = pytest.mark.django_db

WAGTAIL = Path(wagtail.__file__).parent
REJECTED = {"ar": ("رفض", "مرفوض"), "fr": ("rejet", "refus"), "en": ("reject",)}


def rejection_messages():
    """Wagtail's messages about a request for changes (its «rejected» page or entry)."""
    msgids = set()
    for path in WAGTAIL.glob("**/locale/en/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            text = entry.msgid.lower()
            if "rejected" in text and ("page" in text or "%(title)s" in text or "task" in text):
                msgids.add(entry.msgid)
    # The status labels the workflow panel shows («… مرفوض», "Rejected").
    msgids |= {
        label._args[0]
        for _value, label in TaskState.STATUS_CHOICES + WorkflowState.STATUS_CHOICES
        if "reject" in label._args[0].lower()
    }
    return sorted(msgids)


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_wagtails_rejection_messages_say_changes_requested(language):
    msgids = rejection_messages()
    assert len(msgids) >= 12
    assert "Rejected" in msgids
    with translation.override(language):
        said = {msgid: gettext(msgid) for msgid in msgids}
    wrong = {
        msgid: text
        for msgid, text in said.items()
        if text == msgid
        or any(word in re.sub(r"%\(\w+\)s", "", text).lower() for word in REJECTED[language])
    }
    assert not wrong, wrong


def test_the_editors_arabic_email_says_changes_were_requested(
    client, editor, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    prefer(editor, "ar")
    page = submit_new_page(client, editor)
    mailoutbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, page, "reject", comment="أضيفوا التاريخ من فضلكم.")
    to_editor = [m for m in mailoutbox if editor.email in m.to]
    assert to_editor
    for message in to_editor:
        text = message.subject + message.body
        assert "رفض" not in text, text
        assert "تعديلات" in text, text


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_request_changes_without_a_comment_is_refused_in_the_users_language(
    client, editor, moderator, mailoutbox, django_capture_on_commit_callbacks, language
):
    from wagtail.models import WorkflowState

    page = submit_new_page(client, editor)
    prefer(moderator, language)
    client.force_login(moderator)
    mailoutbox.clear()
    state = WorkflowState.objects.get(object_id=str(page.pk), base_content_type__model="page")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "reject", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        # As the admin's modal sends it.
        response = client.post(
            url, {"comment": "  "}, headers={"x-requested-with": "XMLHttpRequest"}
        )
    html = (
        response.json()["html"] if response["Content-Type"].startswith("application/json") else ""
    )
    with translation.override(language):
        expected = gettext(
            "Write what should change: the editor reads it in the e-mail they receive."
        )
    assert expected in html.replace("&#x27;", "'").replace("&#39;", "'"), (
        response.status_code,
        response.get("Location"),
        html[:2000],
    )
    state = WorkflowState.objects.get(object_id=str(page.pk), base_content_type__model="page")
    assert state.status == "in_progress"
    assert not [m for m in mailoutbox if editor.email in m.to]


@pytest.mark.parametrize(
    ("language", "label"), [("ar", "التعليق"), ("fr", "Commentaire"), ("en", "Comment")]
)
@pytest.mark.parametrize("action", ["reject", "approve"])
def test_the_comment_is_labelled_in_the_moderators_language(
    client, editor, moderator, language, label, action
):
    """Wagtail labels it once, at import, in the language active then (the French admin's
    «Demander des modifications» pop-up read «تعليق*»)."""
    from wagtail.models import WorkflowState

    page = submit_new_page(client, editor)
    prefer(moderator, language)
    client.force_login(moderator)
    state = WorkflowState.objects.get(object_id=str(page.pk), base_content_type__model="page")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    html = client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).json()["html"]
    labels = re.findall(r"<label[^>]*for=\"id_comment\"[^>]*>\s*([^<*]+)", html)
    assert [text.strip() for text in labels] == [label], (language, action, labels)
