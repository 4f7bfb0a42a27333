"""The translation editor's note under each string («Traduit avec … le …», issue 19): the
machine translator's name and the month in the reader's language, whoever translated."""

import json

import pytest
import wagtail_localize
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from wagtail.models import Locale
from wagtail_localize.models import Translation

from portal.localization import translation_notes
from tests.search.conftest import add_page

pytestmark = pytest.mark.django_db

ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip


def editor_props(client, page):
    """The JSON props wagtail-localize's React translation editor is given for ``page``."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert response.status_code == 200
    return json.loads(response.context["props"])


@pytest.mark.parametrize(("translator", "reader"), [("ar", "fr"), ("fr", "fr"), ("fr", "ar")])
def test_machine_translation_notes_in_the_readers_language(
    admin_speaking, demo, translator, reader
):
    page = add_page("ar", "ighatha", "قافلة الإغاثة", "انطلقت القافلة من تونس العاصمة.")
    client = admin_speaking(translator)
    french = Locale.objects.get(language_code="fr")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [french.id]},
    )
    translation_ = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=french
    )
    client.post(reverse("wagtail_localize:machine_translate", args=[translation_.id]))

    reading = client if reader == translator else admin_speaking(reader)
    props = editor_props(reading, page.get_translation(french))

    with translation.override(reader):
        tool = translation.gettext("Offline stand-in translator")
        month = str(MONTHS[timezone.localtime().month])
    assert props["machineTranslator"]["name"] == tool
    notes = [item["comment"] for item in props["initialStringTranslations"]]
    assert notes
    for note in notes:
        assert tool in note, note
        assert month in note, note
        assert not any(english in note for english in ENGLISH_MONTHS), note


def test_the_notes_workaround_is_pinned_to_the_wagtail_localize_it_was_written_for():
    assert wagtail_localize.__version__.startswith(translation_notes.PATCHED_FOR + ".")
