"""The moderator's "Awaiting your review" list on the dashboard (issue 19): the circle of a
task still to do was empty for screen readers (no text) and could only be named by hovering
it; it now says its status in the moderator's language and its tooltip opens from the keyboard."""

import re

import pytest
from django.utils import translation
from wagtail.models import TaskState

from .test_people_workflow import submit_new_page
from .test_people_workflow_names import prefer

pytestmark = pytest.mark.django_db


def review_panel(html):
    return html.split('id="awaiting-review-section"', 1)[1].split("</table>", 1)[0]


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_task_in_progress_is_named_in_the_review_list(client, editor, moderator, language):
    submit_new_page(client, editor)
    prefer(moderator, language)
    client.force_login(moderator)
    panel = review_panel(client.get("/admin/").content.decode())

    circles = re.findall(
        r'<span([^>]*)>\s*<svg class="icon icon-radio-empty[^"]*"[^>]*>.*?</svg>'
        r'\s*(?:<span class="w-sr-only">(.*?)</span>)?',
        panel,
        re.S,
    )
    assert circles, panel
    with translation.override(language):
        in_progress = str(dict(TaskState.STATUS_CHOICES)[TaskState.STATUS_IN_PROGRESS])
    for attributes, label in circles:
        assert label.strip() == in_progress
        assert 'tabindex="0"' in attributes
