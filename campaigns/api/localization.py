"""The language an API client asks for, and translated text of tracker entries and pages.

``?locale=fr`` wins; otherwise ``Accept-Language`` (through Django's LocaleMiddleware);
otherwise Arabic. A text with no translation in that language is given in its source
language (Arabic) and its ``*_language`` field says so, so a client can mark it.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from wagtail.models import Locale

from portal.localization.lists import join_values

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def requested_language(request):
    """The language code this request asks for (``ar``, ``fr`` or ``en``)."""
    asked = request.query_params.get("locale") if hasattr(request, "query_params") else None
    if asked is not None:
        if asked not in LANGUAGE_CODES:
            raise ValidationError(
                {
                    "locale": [
                        _("Unknown language “%(code)s”; use one of %(codes)s.")
                        % {"code": asked, "codes": join_values(LANGUAGE_CODES)}
                    ]
                }
            )
        return asked
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in LANGUAGE_CODES else settings.LANGUAGE_CODE


def attach_translations(objects, language, fields, queryset):
    """Give each object ``.l10n``: ``fields`` in ``language`` and the language they are in.

    ``objects`` are translatable (a ``translation_key`` and a ``locale``); ``queryset`` is the
    model's queryset to look translations up in. One query, whatever the number of objects.
    """
    objects = list(objects)
    if not objects:
        return objects
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    locale_id = next((pk for pk, code in codes.items() if code == language), None)
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale_id]
    found = {}
    if keys and locale_id is not None:
        found = {
            t.translation_key: t
            for t in queryset.filter(translation_key__in=keys, locale_id=locale_id)
        }
    for obj in objects:
        if obj.locale_id == locale_id:
            chosen, code = obj, language
        elif obj.translation_key in found:
            chosen, code = found[obj.translation_key], language
        else:
            chosen, code = obj, codes.get(obj.locale_id, settings.LANGUAGE_CODE)
        obj.l10n = {field: getattr(chosen, field) for field in fields}
        obj.l10n["object"] = chosen
        obj.l10n["language"] = code
    return objects
