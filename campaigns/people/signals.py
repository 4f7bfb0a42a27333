"""Keep the roles complete as the site grows (new models, new locales, new press rooms)."""

from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from wagtail.signals import page_published

from .roles import sync_roles


def sync_roles_after_migrate(sender, **kwargs):
    sync_roles(global_apps)


def sync_roles_for_new_trees(sender, instance, **kwargs):
    """A new locale's home page or a new press room gets its roles' page permissions."""
    if sender._meta.label_lower in ("home.homepage", "press.pressindexpage"):
        sync_roles(global_apps)


def connect(app_config):
    post_migrate.connect(sync_roles_after_migrate, sender=app_config)
    page_published.connect(sync_roles_for_new_trees, dispatch_uid="people_sync_roles")
