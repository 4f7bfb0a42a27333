"""Smaller copies of an uploaded video for phones on slow networks, and its poster frame."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.settings import wagtailmedia_settings


class RenditionState(models.TextChoices):
    PENDING = "pending", _("waiting")
    RUNNING = "running", _("being made")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class RenditionProfile(models.TextChoices):
    """The renditions made of each video (``profiles.PROFILES`` and ``profiles.POSTER``)."""

    LOW = "low", _("small screens (240p)")
    MEDIUM = "medium", _("larger screens (480p)")
    POSTER = "poster", _("poster frame")


class VideoRendition(models.Model):
    """One rendition of an uploaded video (a profile of campaigns.video.profiles).

    Made by the ``make_video_renditions`` task with ffmpeg, stored through Django's default
    storage (S3 in production); the video block offers the ready ones to the browser.
    ``source_name`` is the uploaded file's stored name: a new upload makes new renditions.
    """

    media = models.ForeignKey(
        wagtailmedia_settings.MEDIA_MODEL,
        on_delete=models.CASCADE,
        related_name="renditions",
        verbose_name=_("video"),
    )
    profile = models.CharField(_("profile"), max_length=16, choices=RenditionProfile.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=RenditionState.choices, default=RenditionState.PENDING
    )
    source_name = models.CharField(_("made from"), max_length=255)
    file = models.FileField(_("file"), upload_to="video_renditions", blank=True)
    width = models.PositiveIntegerField(_("width (px)"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height (px)"), null=True, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    bitrate = models.PositiveIntegerField(_("bitrate (bit/s)"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("video rendition")
        verbose_name_plural = _("video renditions")
        constraints = [
            models.UniqueConstraint(fields=["media", "profile"], name="video_one_per_profile")
        ]
        ordering = ["media", "profile"]

    def __str__(self):
        return f"{self.media} · {self.profile}"

    @property
    def size_kb(self):
        """Size in kilobytes, for the admin's listing."""
        return round(self.size / 1024) if self.size else None

    @property
    def bitrate_kbps(self):
        """Average bitrate in kbit/s, for the admin's listing."""
        return round(self.bitrate / 1000) if self.bitrate else None
