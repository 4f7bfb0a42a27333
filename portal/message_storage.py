"""Messages that say the same thing once (issue 19).

A refused admin address (a partner's staff opening another partner's entry) sends the person
back to the dashboard with «Sorry, you do not have permission to access this area.»
(``wagtail.admin.auth.permission_denied``, once per refused request). The trial saw it twice
there: the refused address had been requested twice before the dashboard showed the queue
(a browser that preloads the address typed, a reload, a double click), and each request
queued its own copy. A message already waiting, same level and same text, is not queued
again; Django's storage otherwise (cookie, then session). A wagtail-localize message that
names a locale inside a sentence gets the name's sentence form («en français», not «en
Français»: ``localization.locale_names``).
"""

from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.html import escape
from django.utils.safestring import SafeData, mark_safe

from portal.localization.locale_names import name_locales_in_sentences


class OnceEachStorage(FallbackStorage):
    def add(self, level, message, extra_tags=""):
        if isinstance(message, str) and not isinstance(message, SafeData):
            message = name_locales_in_sentences(message)
        if message and self.level is not None and level >= self.level:
            text = str(message)
            waiting = [*self._loaded_messages, *self._queued_messages]
            if any(m.level == level and str(m.message) == text for m in waiting):
                return
        super().add(level, message, extra_tags)

    def reword(self, text, words):
        """Say ``words`` instead of ``text`` in the queued message that holds it, keeping the
        rest (Wagtail's buttons); ``False`` when none holds it. For a message another
        library wrote whose wording the project corrects after the fact
        (``localization.copied_pages``)."""
        for queued in self._queued_messages:
            message = queued.message
            if isinstance(message, SafeData):  # HTML (Wagtail's buttons): the text escaped
                if escape(text) in message:
                    replaced = message.replace(escape(text), escape(words), 1)
                    queued.message = mark_safe(replaced)  # noqa: S308 - escaped above
                    return True
            elif str(text) in str(message):
                queued.message = str(message).replace(str(text), str(words), 1)
                return True
        return False
