"""Keep cached press content fresh: feeds on publish, the schedule on scheduling."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from campaigns.press.caching import invalidate_feeds
from campaigns.press.embargo import forget_next_due
from campaigns.press.models import Coverage, PressIndexPage, PressReleasePage


@receiver(post_save, sender=Revision)
def schedule_changed(sender, instance, update_fields=None, **kwargs):
    if instance.approved_go_live_at is not None or (
        update_fields and "approved_go_live_at" in update_fields
    ):
        forget_next_due()


@receiver(page_published)
@receiver(page_unpublished)
def press_page_changed(sender, instance, **kwargs):
    if isinstance(instance, PressReleasePage | PressIndexPage):
        invalidate_feeds()


@receiver(post_save, sender=Coverage)
@receiver(post_delete, sender=Coverage)
def coverage_changed(sender, **kwargs):
    invalidate_feeds()
