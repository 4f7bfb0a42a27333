"""wagtail-localize's note under each translated string, in the reader's language.

The translation editor shows, under a string, "Translated with {tool} on {date}"
(``StringTranslation.get_comment``, wagtail-localize 1.14). It wrote the date with
``strftime("%-d %B %Y")``, so the month came out in English in the French and Arabic admin
("le 21 May 2026"), and the tool's name as it was stored when the string was machine
translated, in the translator's admin language, not the reader's (issue 19). :func:`install`
makes the note give the date in the reader's language (Django's ``DATE_FORMAT``, in the
user's time zone) and the configured machine translator's name in the reader's language.
Delete this module when wagtail-localize formats these itself
(``tests/i18n/test_i18n_translation_notes.py`` pins the version).
"""

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation

PATCHED_FOR = "1.14"  # the wagtail-localize release whose get_comment this follows


def tool_display_name(stored):
    """The reader's name for the tool whose name was ``stored`` (a ``StringTranslation``'s
    ``tool_name``, saved in the admin language of whoever pressed "Translate").

    The configured machine translator's ``display_name`` in the active language when
    ``stored`` is its name in any of ``settings.LANGUAGES``; else ``stored`` through the
    catalogue (a brand such as "DeepL" comes back unchanged).
    """
    translator = get_machine_translator()
    if translator is not None:
        name = translator.display_name
        for code, _name in settings.LANGUAGES:
            with override(code):
                known = str(name) == stored
            if known:
                return str(name)
    return gettext(stored)


def get_comment(string_translation):
    """How and when a string was translated, for the translation editor: a sentence in the
    active language, its date in the reader's format and time zone; None for an untranslated
    string (as wagtail-localize's own)."""
    when = date_format(timezone.localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=tool_display_name(string_translation.tool_name), date=when
        )
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=when)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=when)
    return None


def install():
    """Give wagtail-localize's translated strings :func:`get_comment` as their note."""
    StringTranslation.get_comment = get_comment
