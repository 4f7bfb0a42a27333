"""Copying a page, the French admin's success message names the copy as the reader reads it
(the title typed for it), not the Arabic source page («Page « جسر المحبة » copiée.»): both of
Wagtail's copy messages, with and without subpages."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from portal.localization.copied_pages import COPIED, COPIED_WITH_SUBPAGES

pytestmark = pytest.mark.django_db
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.mark.parametrize(("subpages", "msgid"), [(False, COPIED), (True, COPIED_WITH_SUBPAGES)])
def test_the_copy_message_names_the_copy_in_the_readers_language(
    admin_speaking, demo, subpages, msgid
):
    client = admin_speaking("fr")
    source = demo["campaign"]
    assert ARABIC.search(source.title)
    data = {
        "new_title": "Pont de l’amour (copie)",
        "new_slug": "pont-copie",
        "new_parent_page": source.get_parent().pk,
        "publish_copies": "",
    }
    if subpages:
        data["copy_subpages"] = "on"
    response = client.post(reverse("wagtailadmin_pages:copy", args=[source.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    texts = [str(m.message) for m in get_messages(response.wsgi_request)]
    copied = [t for t in texts if "Pont de l’amour (copie)" in t]
    assert copied, texts
    assert not any(ARABIC.search(t) for t in texts), texts
