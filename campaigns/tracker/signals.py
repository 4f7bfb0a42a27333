"""Any saved or deleted entry retires its campaign's cached figures."""

from django.db.models.signals import post_delete, post_save

from .cache import invalidate


def _entry_changed(sender, instance, **kwargs):
    invalidate(instance.campaign_id)


def connect():
    from .models import Contribution, Delivery, Need

    for model in (Need, Contribution, Delivery):
        post_save.connect(_entry_changed, sender=model, dispatch_uid=f"tracker-{model.__name__}")
        post_delete.connect(
            _entry_changed, sender=model, dispatch_uid=f"tracker-del-{model.__name__}"
        )
