from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackerConfig(AppConfig):
    name = "campaigns.tracker"
    label = "tracker"
    verbose_name = _("Donation tracker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import search, signals

        signals.connect()
        search.register()
