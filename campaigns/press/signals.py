"""Press snippets retire the fragments showing them; scheduling resets the next-due time."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Revision

from campaigns.press.embargo import forget_next_due
from campaigns.press.models import (
    Coverage,
    MediaKit,
    MediaKitArchive,
    MediaKitItem,
    PressContact,
)
from portal import caching


@receiver(post_save, sender=Revision)
def schedule_changed(sender, instance, update_fields=None, **kwargs):
    if instance.approved_go_live_at is not None or (
        update_fields and "approved_go_live_at" in update_fields
    ):
        forget_next_due()


def press_snippet_changed(sender, instance, **kwargs):
    """Coverage, contacts and kits show in the press room and on campaign pages (coverage):
    a new ``press`` version, and the edge purges the campaign that coverage is about."""
    caching.bump("press")
    campaign = getattr(instance, "campaign", None)
    if campaign is not None:
        caching.page_changed(campaign)


for model in (Coverage, PressContact, MediaKit, MediaKitItem, MediaKitArchive):
    post_save.connect(press_snippet_changed, sender=model, dispatch_uid=f"press-{model.__name__}")
    post_delete.connect(
        press_snippet_changed, sender=model, dispatch_uid=f"press-del-{model.__name__}"
    )
