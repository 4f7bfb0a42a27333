"""Enqueue renditions when a video is uploaded or its file replaced (after the commit)."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from wagtailmedia import get_media_model


def video_saved(sender, instance, **kwargs):
    if not settings.VIDEO_RENDITIONS_ON_UPLOAD or instance.type != "video" or not instance.file:
        return
    from .models import VideoRendition

    current = VideoRendition.objects.filter(media=instance, source_name=instance.file.name)
    if current.exists():
        return  # a save that did not change the file (title, tags…)
    from .tasks import make_video_renditions

    media_id, name = instance.pk, instance.file.name
    transaction.on_commit(lambda: make_video_renditions.enqueue(media_id, name))


def connect():
    post_save.connect(video_saved, sender=get_media_model(), dispatch_uid="video-renditions")
