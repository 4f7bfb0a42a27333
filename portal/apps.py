from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package as an app: production plumbing (edge cache purges, media copy)."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import cache_outage, caching

        caching.connect_signals()
        cache_outage.install()
