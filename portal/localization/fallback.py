"""Snippets in the visitor's language, falling back to the Arabic source.

A need, a partner or a coverage item may not be translated yet. Lists then show the Arabic
text, and the element carrying it says so (``lang="ar" dir="rtl"``) so that a French page
renders and reads it correctly. The same rule serves templates and the APIs:

* :func:`localized` turns a queryset over every locale into one row per item, in the visitor's
  language where a translation exists and in Arabic otherwise — one query for the whole list;
* :func:`content_language` / :func:`lang_attributes` say which language an instance is in;
* ``{% lang_attrs item %}`` (``l10n_tags``) prints the attributes only when they differ from
  the page's language.
"""

from django.conf import settings
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils.html import format_html
from django.utils.translation import get_language_info

from .locales import language_for_locale_id, locale_id_for_language
from .numbers import current_language

SOURCE_LANGUAGE = "ar"


def source_language():
    return getattr(settings, "PORTAL_SOURCE_LANGUAGE", SOURCE_LANGUAGE)


def localized(queryset, language=None):
    """One row per item of ``queryset``: its translation in ``language``, else its source.

    ``queryset`` covers every locale (e.g. ``Need.objects.filter(campaign=c)``); the result is
    still a queryset (filter, order and paginate it as usual) annotated with
    ``content_language`` ('fr' for a translation, 'ar' for a fallback).
    """
    language = current_language(language)
    source = source_language()
    target_id = locale_id_for_language(language)
    source_id = locale_id_for_language(source)
    if target_id is None or target_id == source_id:
        return queryset.filter(locale_id=source_id).annotate(
            content_language=Value(source, output_field=CharField())
        )
    translated = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale_id=target_id
    )
    return queryset.filter(
        Q(locale_id=target_id) | (Q(locale_id=source_id) & ~Exists(translated))
    ).annotate(
        content_language=Case(
            When(locale_id=target_id, then=Value(language)),
            default=Value(source),
            output_field=CharField(),
        )
    )


def localized_instances(instances, language=None):
    """The given (source) instances swapped for their translations, in one query, same order.

    For lists built from foreign keys (a campaign's needs point at the Arabic rows).
    """
    instances = list(instances)
    if not instances:
        return []
    model = type(instances[0])
    keys = [obj.translation_key for obj in instances]
    language = current_language(language)
    rows = localized(model._default_manager.filter(translation_key__in=keys), language)
    by_key = {row.translation_key: row for row in rows}
    return [by_key.get(obj.translation_key, obj) for obj in instances]


def content_language(obj):
    """The language the instance's text is in (annotation if present, else its locale)."""
    annotated = getattr(obj, "content_language", None)
    if annotated:
        return annotated
    locale_id = getattr(obj, "locale_id", None)
    return language_for_locale_id(locale_id) if locale_id else None


def lang_attributes(obj, language=None):
    """``{"lang": "ar", "dir": "rtl"}`` when the instance is not in ``language``, else ``{}``.

    The API puts these in a ``language`` field so clients can mark the text the same way.
    """
    own = content_language(obj)
    if not own or own == current_language(language):
        return {}
    return {"lang": own, "dir": "rtl" if is_right_to_left(own) else "ltr"}


def is_right_to_left(language):
    try:
        return get_language_info(language)["bidi"]
    except KeyError:
        return False


def lang_attrs_html(obj, language=None):
    """` lang="ar" dir="rtl"` for an element holding text in another language, else ''."""
    attributes = lang_attributes(obj, language)
    if not attributes:
        return ""
    return format_html(' lang="{}" dir="{}"', attributes["lang"], attributes["dir"])


__all__ = [
    "content_language",
    "is_right_to_left",
    "lang_attributes",
    "lang_attrs_html",
    "localized",
    "localized_instances",
]
