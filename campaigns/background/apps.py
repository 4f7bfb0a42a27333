from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    name = "campaigns.background"
    label = "background"
    verbose_name = _("Background tasks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import ledger, reference_index_gone_rows

        ledger.connect()
        reference_index_gone_rows.install()
