from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "campaigns.people"
    label = "people"
    verbose_name = _("People, roles and offers of help")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import changes_requested, notification_language, signals, workflow_names

        signals.connect(self)
        workflow_names.connect()
        changes_requested.connect()
        notification_language.connect()
