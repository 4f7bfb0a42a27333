"""A locale's name inside a sentence (issue 19).

Wagtail and wagtail-localize write a locale's display name, a label («Arabe», «العربية»),
into sentences: wagtail-localize's translation editor says "Uses %s version", "Revert to %s
version" and "Publish in " with it. French writes a language inside a sentence in lower
case («la version arabe», «Publier en français»), so the editor gets each name in its
sentence form, ``pgettext("language in a sentence", …)``; Arabic's catalogue puts the name
after «النسخة», which agrees with all of them («النسخة العربية»), where wagtail-localize's
«الإصدار» did not («الإصدار العربية»).
"""

import html
import json
import re

from django.conf.locale import LANG_INFO
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext
from wagtail.models import Locale

PROPS = re.compile(r'(class="js-translation-editor" data-props=")([^"]*)(")')


def sentence_name(locale):
    """``locale``'s name (a ``str``) as the active language writes it inside a sentence.

    Where the catalogue has no sentence form (English), its display name, made a ``str``:
    Wagtail's is lazy, and the translation editor's props are written as JSON."""
    english = LANG_INFO.get(locale.language_code, {}).get("name")
    if english:
        name = pgettext("language in a sentence", english)
        if name != english or locale.language_code.startswith("en"):
            return name
    return str(locale.get_display_name())


def sentence_names_in_props(page):
    """The translation editor's ``data-props`` with its locales' sentence names."""

    def rewrite(match):
        props = json.loads(html.unescape(match.group(2)))
        for key in ("sourceLocale", "locale"):
            code = props.get(key, {}).get("code")
            if code:
                locale = Locale(language_code=code)
                props[key]["displayName"] = sentence_name(locale)
        return match.group(1) + html.escape(json.dumps(props)) + match.group(3)

    return mark_safe(PROPS.sub(rewrite, str(page)))  # noqa: S308 - re-escaped above


# wagtail-localize's messages that put ``{locale}``'s display name inside a sentence
# (views/edit_translation.py, 1.14): «Publication de « … » en Français.»
MESSAGES_NAMING_A_LOCALE = (
    "Published '{object}' in {locale}.",
    "Published '{object}' in {locale} with missing translations - see below.",
)


def name_locales_in_sentences(text):
    """``text`` (a ``str``) with the locale it names written in its sentence form
    (:func:`sentence_name`) when it is one of ``MESSAGES_NAMING_A_LOCALE`` in the active
    language; else ``text`` unchanged. A query of the locales only when it is one."""
    for msgid in MESSAGES_NAMING_A_LOCALE:
        sentence = gettext(msgid)
        parts = re.split(r"(\{object\}|\{locale\})", sentence)
        if "{locale}" not in parts:
            continue
        pattern = "".join(
            "(?P<object>.*)" if part == "{object}"
            else "(?P<locale>.+?)" if part == "{locale}"
            else re.escape(part)
            for part in parts
        )  # fmt: skip
        match = re.fullmatch(pattern, text, re.S)
        if match is None:
            continue
        for locale in Locale.objects.all():
            if str(locale.get_display_name()) == match["locale"]:
                return sentence.format(
                    object=match.groupdict().get("object", ""), locale=sentence_name(locale)
                )
    return text
