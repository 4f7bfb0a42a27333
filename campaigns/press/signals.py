"""Keep cached press content fresh: feeds and press room on publish, the schedule on scheduling."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from campaigns.models import CampaignPage
from campaigns.press.caching import invalidate_press_content
from campaigns.press.embargo import forget_next_due
from campaigns.press.models import (
    Coverage,
    MediaKit,
    MediaKitArchive,
    MediaKitItem,
    PressContact,
    PressIndexPage,
    PressReleasePage,
)


@receiver(post_save, sender=Revision)
def schedule_changed(sender, instance, update_fields=None, **kwargs):
    if instance.approved_go_live_at is not None or (
        update_fields and "approved_go_live_at" in update_fields
    ):
        forget_next_due()


@receiver(page_published)
@receiver(page_unpublished)
def press_page_changed(sender, instance, **kwargs):
    if isinstance(instance, PressReleasePage | PressIndexPage | CampaignPage):
        invalidate_press_content()


def press_snippet_changed(sender, **kwargs):
    invalidate_press_content()


for model in (Coverage, PressContact, MediaKit, MediaKitItem, MediaKitArchive):
    post_save.connect(press_snippet_changed, sender=model, dispatch_uid=f"press-{model.__name__}")
    post_delete.connect(
        press_snippet_changed, sender=model, dispatch_uid=f"press-del-{model.__name__}"
    )
