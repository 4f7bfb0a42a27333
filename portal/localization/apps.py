from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    name = "portal.localization"
    label = "portal_localization"
    verbose_name = _("Localisation")

    def ready(self):
        from .digits import install

        install()  # one rule for typed digits in every form, filter and API field
