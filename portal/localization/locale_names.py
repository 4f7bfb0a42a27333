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
from django.utils.translation import pgettext
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
