"""Which language a piece of content is in, without a query per object."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

_LANGUAGES = {}


def _load():
    _LANGUAGES.clear()
    _LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))


def language_for_locale_id(locale_id):
    """The language code ('ar', 'fr', 'en') of a Locale id, cached for the process."""
    if locale_id not in _LANGUAGES:
        _load()
    return _LANGUAGES.get(locale_id)


def locale_id_for_language(language):
    """The id of the Locale for a language code, or None (same cache)."""
    for attempt in range(2):
        for pk, code in _LANGUAGES.items():
            if code == language:
                return pk
        if attempt == 0:
            _load()
    return None


def _forget(**kwargs):
    _LANGUAGES.clear()


post_save.connect(_forget, sender=Locale, dispatch_uid="portal_locale_cache_save")
post_delete.connect(_forget, sender=Locale, dispatch_uid="portal_locale_cache_delete")
