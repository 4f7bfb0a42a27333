"""Keep the roles complete as the site grows (new models, new locales, new press rooms)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate
from wagtail.signals import page_published

from .roles import sync_roles


def sync_roles_after_migrate(sender, using="default", **kwargs):
    # post_migrate reaches this app before the apps listed after it have their permissions
    # (e.g. when a test database is flushed): create every app's permissions first.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles(global_apps)


def sync_roles_for_new_trees(sender, instance, **kwargs):
    """A new locale's home page or a new press room gets its roles' page permissions."""
    if sender._meta.label_lower in ("home.homepage", "press.pressindexpage"):
        sync_roles(global_apps)


def connect(app_config):
    post_migrate.connect(sync_roles_after_migrate, sender=app_config)
    page_published.connect(sync_roles_for_new_trees, dispatch_uid="people_sync_roles")
