from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "campaigns.press"
    label = "press"
    verbose_name = _("Press room")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns.press import search, signals  # noqa: F401

        search.register()
