"""The page editor's status panel names who took the workflow's last step: after a moderator
requested changes, «changes requested … by <the moderator>», not by the editor who submitted
(Wagtail names ``requested_by`` whatever the status)."""

import re

import pytest
import wagtail
from django.urls import reverse

from .test_people_workflow import act, submit_new_page
from .test_people_workflow_names import prefer

pytestmark = pytest.mark.django_db

NEEDS_CHANGES = {"ar": "تعديلات", "fr": "modifications demandées", "en": "changes requested"}


def status_panel(html):
    """The status side panel's text, with the workflow status dialog, tags dropped."""
    start = html.index('data-side-panel="status"')
    end = html.index("</section>", html.index('id="workflow-status-dialog"'))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start:end]))


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_changes_requested_names_the_moderator(client, editor, moderator, language):
    editor.first_name, editor.last_name = "Salma", "Editrice"
    editor.save()
    moderator.first_name, moderator.last_name = "Karim", "Moderateur"
    moderator.save()
    page = submit_new_page(client, editor)
    client.force_login(moderator)
    act(client, page, "reject", comment="أضيفوا التاريخ من فضلكم.")
    prefer(editor, language)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    panel = status_panel(html)
    assert NEEDS_CHANGES[language] in panel.lower(), panel
    assert "Karim Moderateur" in panel, panel
    assert "Salma Editrice" not in panel, panel


def test_the_copied_template_is_wagtails_version():
    """templates/wagtailadmin/shared/side_panels/includes/status/workflow.html is Wagtail
    8.0.1's with two lines changed: on an upgrade, copy the new one and make the same change."""
    assert wagtail.__version__ == "8.0.1"
