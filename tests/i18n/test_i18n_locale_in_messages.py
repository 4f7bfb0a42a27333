"""wagtail-localize's «Published … in {locale}» messages name the language as a sentence does:
a French translator publishing a translation read «Publication de « … » en Français.»
(French writes «en français»). Generated over every such message, admin language and locale."""

import pytest
from django.contrib.messages import get_messages, success
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from portal.localization.locale_names import MESSAGES_NAMING_A_LOCALE
from portal.message_storage import OnceEachStorage

pytestmark = pytest.mark.django_db


def said(text):
    request = RequestFactory().get("/admin/")
    request.session = SessionStore()
    request._messages = OnceEachStorage(request)
    success(request, text)
    return [str(m.message) for m in get_messages(request)]


@pytest.mark.parametrize("msgid", MESSAGES_NAMING_A_LOCALE)
@pytest.mark.parametrize("reader", ["ar", "fr", "en"])
def test_a_published_translation_names_its_language_as_a_sentence_does(msgid, reader):
    from django.conf import settings

    assert settings.MESSAGE_STORAGE == "portal.message_storage.OnceEachStorage"
    for code in ("ar", "fr", "en"):
        locale, _created = Locale.objects.get_or_create(language_code=code)
        with translation.override(reader):
            written = gettext(msgid).format(object="Jesr", locale=locale.get_display_name())
            [shown] = said(written)
            expected = {"fr": {"ar": "arabe", "fr": "français", "en": "anglais"}}
        if reader in expected:
            assert f" {expected[reader][code]}" in shown, shown
            assert str(locale.get_display_name()) not in shown.replace("Jesr", ""), shown
        assert "Jesr" in shown


def test_other_messages_are_left_alone():
    with translation.override("fr"):
        assert said("Page « Jesr » publiée en Français.") == ["Page « Jesr » publiée en Français."]
