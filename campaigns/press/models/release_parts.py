"""The ordered parts of a press release: speakers, gallery photos and attachments.

Each part is translatable (its caption, role or title is translated with the release) and
shares a ``translation_key`` with its Arabic source.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.press.validators import validate_attachment

LICENCE_HELP = _("E.g. CC BY 4.0, or “Free for editorial use with credit”.")


class Speaker(TranslatableMixin, Orderable):
    """Someone who spoke at a press conference, in the order they spoke."""

    page = ParentalKey("press.PressReleasePage", related_name="speakers", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(
        _("role"), max_length=255, help_text=_("Their title, e.g. Director-General of ALECSO.")
    )

    panels = [FieldPanel("name"), FieldPanel("role")]
    api_fields = [APIField("name"), APIField("role")]
    translatable_fields = [TranslatableField("name"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name


class GalleryPhoto(TranslatableMixin, Orderable):
    """A photo journalists may republish, with who took it and under which licence."""

    page = ParentalKey("press.PressReleasePage", related_name="gallery", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255)
    credit = models.CharField(_("credit"), max_length=150, help_text=_("Photographer or source."))
    licence = models.CharField(_("licence"), max_length=150, help_text=LICENCE_HELP)

    panels = [
        FieldPanel("image"),
        FieldPanel("caption"),
        FieldPanel("credit"),
        FieldPanel("licence"),
    ]
    api_fields = [
        APIField("image", serializer=ImageRenditionField("max-1600x1600")),
        APIField("caption"),
        APIField("credit"),
        APIField("licence"),
    ]
    translatable_fields = [
        SynchronizedField("image"),
        TranslatableField("caption"),
        TranslatableField("credit"),
        TranslatableField("licence"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery photos")


class ReleaseAttachment(TranslatableMixin, Orderable):
    """A document attached to a release (the release as PDF, an agreement, a fact sheet)."""

    page = ParentalKey(
        "press.PressReleasePage", related_name="attachments", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave empty to use the file's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    translatable_fields = [SynchronizedField("document"), TranslatableField("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def clean(self):
        super().clean()
        if self.document_id:
            document = self.document
            try:
                validate_attachment(document.file.name, document.get_file_size(), document.title)
            except ValidationError as error:
                raise ValidationError({"document": error}) from error

    @property
    def label(self):
        return self.title or self.document.title

    @property
    def extension(self):
        return self.document.file_extension.upper()
