"""Workaround: wagtail-localize counts the locales a translation goes to without a plural.

``SubmitTranslationView.form_valid`` (wagtail-localize 1.x) writes the success message's
``{locales}`` as ``_("{} locales").format(n)`` ("Note: always plural"): «أُرسلت … إلى 2 لغات»
where Arabic says «إلى لغتين» (a dual, no digit), «إلى 3 لغات» but «إلى 11 لغة».
:func:`install` (called once from ``LocalizationConfig.ready``) keeps the count of the form
and gives the message ``locales_phrase(n)``, a real ``ngettext`` (six forms in Arabic), or
for one locale its name as a sentence writes it («traduction en français»).
"""

from django.utils.translation import ngettext
from wagtail_localize.views import submit_translations

from .locale_names import sentence_name

PATCHED_FOR = "1.14"  # the wagtail-localize release whose SubmitTranslationView this follows


def locales_phrase(count):
    # Translators: what a page is submitted for translation into, "… into 2 locales"
    # (Arabic: the dual alone, «لغتين»).
    return ngettext("%(count)s locale", "%(count)s locales", count) % {"count": count}


def install():
    """Both views' messages (idempotent)."""
    view = submit_translations.SubmitTranslationView
    if getattr(view, "counts_locales", False):
        return
    original_form_valid = view.form_valid

    def form_valid(self, form):
        self.chosen_locales = list(form.cleaned_data["locales"])
        return original_form_valid(self, form)

    view.form_valid = form_valid
    view.counts_locales = True
    for subclass in (
        submit_translations.SubmitPageTranslationView,
        submit_translations.SubmitSnippetTranslationView,
    ):
        subclass.get_success_message = counted_message(subclass.get_success_message)


def counted_message(original):
    def get_success_message(self, locales):
        chosen = getattr(self, "chosen_locales", [])
        if len(chosen) > 1:
            locales = locales_phrase(len(chosen))
        elif chosen:  # «traduction en français», not «en Français»
            locales = sentence_name(chosen[0])
        return original(self, locales)

    return get_success_message
