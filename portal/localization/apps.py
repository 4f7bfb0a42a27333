from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    name = "portal.localization"
    label = "portal_localization"
    verbose_name = _("Localisation")

    def ready(self):
        from . import (
            digits,
            editor_labels,
            first_of_month,
            inspect_numbers,
            translation_counts,
            translation_notes,
        )

        digits.install()  # one rule for typed digits in every form, filter and API field
        first_of_month.install()  # «1er décembre», not «1 décembre», in Django's dates
        translation_notes.install()  # "Translated with … on …" in the reader's language
        translation_counts.install()  # «إلى لغتين», not «إلى 2 لغات»
        editor_labels.install()  # «Titre», not «titre», under a block in the editor
        inspect_numbers.register()  # «20», not «20,000», in the admin's inspect views
        inspect_numbers.install()  # «100,50 MAD», not «100.5», for money there
