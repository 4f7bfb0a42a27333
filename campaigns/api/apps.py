from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "campaigns.api"
    label = "tracker_api"
    verbose_name = _("Tracker API")
