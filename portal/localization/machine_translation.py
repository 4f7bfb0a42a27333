"""The "Machine translate" button of wagtail-localize, working offline.

Production names a real service in ``WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR`` (for example
``wagtail_localize.machine_translators.deepl.DeepLTranslator`` with its key in
``WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR_OPTIONS``). Development and tests use
:class:`StandInTranslator`: it never goes to the network, so a translator can try the whole
workflow (translate, review, publish) on a laptop or in CI.

What the stand-in does, so nobody mistakes its output for a translation: it looks each string
up in a glossary of whole strings (``OPTIONS["GLOSSARY"]``: ``{"fr": {"ar text": "fr text"}}``);
a string it does not know is returned with a visible marker ``[FR] `` before the source text,
markup kept as it was. A reviewer sees at a glance what still needs a human.
"""

from bs4 import BeautifulSoup, NavigableString
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def _language(locale):
    return locale.language_code.split("-")[0]


class StandInTranslator(BaseMachineTranslator):
    """Offline machine translation for development: glossary, else a marked copy."""

    display_name = _("Offline stand-in translator")

    def translate(self, source_locale, target_locale, strings):
        language = _language(target_locale)
        glossary = self.options.get("GLOSSARY", {}).get(language, {})
        marker = f"[{language.upper()}] "
        return {
            string: StringValue(self._translate_html(string.data, glossary, marker))
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return _language(source_locale) != _language(target_locale)

    @staticmethod
    def _translate_html(html, glossary, marker):
        if html in glossary:
            return glossary[html]
        soup = BeautifulSoup(html, "html.parser")
        # Mark the first piece of text only, so the markup (links, bold) stays intact.
        for node in soup.descendants:
            if isinstance(node, NavigableString) and node.strip():
                text = str(node)
                node.replace_with(glossary.get(text.strip(), marker + text.lstrip()))
                break
        return str(soup)
