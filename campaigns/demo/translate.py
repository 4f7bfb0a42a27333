"""Real wagtail-localize translations for demo content, with translated text.

Each translatable string of the Arabic source is looked up in a catalogue of
(Arabic → French, English) text; a missing entry is an error, so the demo never
ships an Arabic copy disguised as a translation.
"""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

TARGET_LANGUAGES = ("fr", "en")


class MissingDemoTranslation(LookupError):
    pass


@transaction.atomic
def translate(instance, catalogue, languages=TARGET_LANGUAGES):
    """Create (or complete) the fr/en translations of a page or snippet; return them by code."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    results = {}
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        existing = instance.get_translation_or_none(locale)
        if existing is not None:
            results[code] = existing
            continue
        _save_translation(source, segments, locale, catalogue, strict=True)
        results[code] = instance.get_translation(locale)
    return results


@transaction.atomic
def retranslate(instance, catalogue, languages=TARGET_LANGUAGES, strict=True):
    """Bring the fr/en translations up to date after the Arabic source gained new text.

    With ``strict=False`` a segment missing from the catalogue keeps its earlier translation.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    results = {}
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        _save_translation(source, segments, locale, catalogue, strict=strict)
        results[code] = instance.get_translation(locale)
    return results


def _save_translation(source, segments, locale, catalogue, *, strict):
    """Store the catalogue's text for each segment, then save (publish) the translation."""
    code = locale.language_code
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in segments:
        text = catalogue.get(segment.string.data, {}).get(code)
        if text is None:
            if not strict:
                continue  # translated earlier (e.g. the page title)
            raise MissingDemoTranslation(
                f"No {code} text for {segment.context.path}: {segment.string.data!r}"
            )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    translation.save_target(publish=True)
