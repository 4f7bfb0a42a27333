"""Moderation e-mails reach each recipient in the admin language they chose, else the site's
(Arabic), never in the language of whoever sent them: a French editor's submission, a French
moderator's approval or request for changes reached Arabic-speaking staff in French."""

import pytest
import wagtail
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page

from campaigns.people import notification_language, roles

from .conftest import make_user
from .test_people_workflow import act, submit_new_page
from .test_people_workflow_names import prefer

pytestmark = pytest.mark.django_db

# Each language's e-mail: words of its subject, its greeting, its HTML part's language.
SAID = {
    "ar": ("الصفحة", "مرحبًا", '<html lang="ar" dir="rtl"'),
    "en": ("the page", "Hello", '<html lang="en" dir="ltr"'),
}


def assert_written_in(language, messages):
    assert messages
    subject, greeting, html = SAID[language]
    for message in messages:
        assert subject in message.subject.lower(), (language, message.subject)
        assert message.body.startswith(greeting), (language, message.body[:200])
        [(alternative, _mimetype)] = message.alternatives
        assert html in alternative, (language, alternative[:400])


def to(user, mailoutbox):
    return [message for message in mailoutbox if user.email in message.to]


@pytest.fixture(autouse=True)
def _html_notifications():
    with override_settings(WAGTAILADMIN_NOTIFICATION_USE_HTML=True):
        yield


def test_a_french_editors_submission_reaches_each_moderator_in_their_language(
    client, editor, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    english = make_user("t-moderator-en", roles.MODERATOR)
    prefer(english, "en")
    prefer(editor, "fr")
    with django_capture_on_commit_callbacks(execute=True):
        submit_new_page(client, editor, title="Journée des bénévoles")
    assert_written_in("ar", to(moderator, mailoutbox))
    assert_written_in("en", to(english, mailoutbox))


@pytest.mark.parametrize("action", ["approve", "reject"])
@pytest.mark.parametrize(("preference", "language"), [("", "ar"), ("en", "en")])
def test_a_french_moderators_decision_reaches_the_editor_in_their_language(
    client,
    editor,
    moderator,
    mailoutbox,
    django_capture_on_commit_callbacks,
    action,
    preference,
    language,
):
    prefer(editor, preference)
    page = submit_new_page(client, editor, title="Journée des bénévoles")
    mailoutbox.clear()
    prefer(moderator, "fr")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, page, action, comment="Ajoutez la date, svp.")
    assert_written_in(language, to(editor, mailoutbox))


def test_a_moderator_without_a_choice_still_reads_the_admin_in_their_browsers_language(
    client, moderator
):
    client.force_login(moderator)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert '<html lang="fr"' in response.content.decode()


def test_the_workaround_is_pinned_to_the_wagtail_it_was_written_for():
    assert wagtail.__version__.startswith(notification_language.PATCHED_FOR + ".")


def test_comment_e_mails_sent_from_a_french_editor_reach_each_reader_in_their_language(
    editor, moderator, mailoutbox
):
    """The page editor's own ``send_notification`` (new comments, replies, resolutions),
    called while a French editor's request is being served."""
    from wagtail.admin.views.pages import edit

    english = make_user("t-moderator-en", roles.MODERATOR)
    prefer(english, "en")
    page = Page.objects.get(slug="about", locale__language_code="ar")
    changes = {"page": page, "editor": editor, "new_comments": [], "resolved_comments": []}
    changes |= {"deleted_comments": [], "replied_comments": []}
    with translation.override("fr"):
        assert edit.send_notification([moderator, english], "updated_comments", changes)
    said = {"ar": "التعليقات", "en": "has updated comments"}
    for user, language in ((moderator, "ar"), (english, "en")):
        [message] = to(user, mailoutbox)
        assert said[language] in message.subject, (language, message.subject)
        [(alternative, _mimetype)] = message.alternatives
        assert SAID[language][2] in alternative, (language, alternative[:400])
