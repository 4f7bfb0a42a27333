"""The admin's remaining English, translated in the project's own catalogues: wagtailmedia's
strings (the Media section where staff upload the campaign clip) in Arabic and French."""

from pathlib import Path

import polib
import pytest
import wagtailmedia
from django.urls import reverse
from django.utils import translation

MEDIA_CATALOGUE = Path(wagtailmedia.__file__).parent / "locale/fr/LC_MESSAGES/django.po"


def untranslated(language):
    """wagtailmedia's messages the active catalogues leave in English in ``language``."""
    missing = []
    french = polib.pofile(str(MEDIA_CATALOGUE))
    with translation.override(language):
        for entry in french:
            if entry.msgid_plural:
                same = (
                    translation.ngettext(entry.msgid, entry.msgid_plural, 3) == entry.msgid_plural
                )
            else:
                same = translation.gettext(entry.msgid) == entry.msgid
            # Words French spells as English ("Type", "Collection") are not missing.
            if same and entry.msgid not in ("Type", "Collection", "Parent"):
                missing.append(entry.msgid)
    return missing


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_wagtailmedia_message_is_translated(language):
    assert untranslated(language) == []


@pytest.mark.django_db
def test_the_media_section_is_arabic(admin_client):
    page = admin_client.get(reverse("wagtailmedia:index")).content.decode()
    assert "الوسائط" in page
    for english in ("Add audio", "Add video", "Latest media", "Media files"):
        assert english not in page
