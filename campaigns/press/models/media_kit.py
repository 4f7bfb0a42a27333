"""The media kit: per campaign, the logos, photos and documents journalists may use."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.press.models.release_parts import LICENCE_HELP


class MediaKit(TranslatableMixin, ClusterableModel):
    """Everything a journalist may republish about one campaign, with credits and licences.

    The whole kit downloads as one ZIP (with a ``credits.csv``), built once and rebuilt
    when anything in the kit changes.
    """

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="media_kits",
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)

    panels = [
        FieldPanel("campaign"),
        FieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("items", heading=_("Files"), min_num=1),
    ]
    translatable_fields = [
        SynchronizedField("campaign"),
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("items"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("media kit")
        verbose_name_plural = _("media kits")

    def __str__(self):
        return self.title


class MediaKitItem(TranslatableMixin, Orderable):
    """One logo, photo or document of a media kit, with its credit and licence."""

    class Kind(models.TextChoices):
        LOGO = "logo", _("Logo")
        PHOTO = "photo", _("Photo")
        DOCUMENT = "document", _("Document")

    kit = ParentalKey(MediaKit, related_name="items", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    credit = models.CharField(_("credit"), max_length=150)
    licence = models.CharField(_("licence"), max_length=150, help_text=LICENCE_HELP)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("document"),
        FieldPanel("credit"),
        FieldPanel("licence"),
    ]
    translatable_fields = [
        SynchronizedField("kind"),
        TranslatableField("title"),
        SynchronizedField("image"),
        SynchronizedField("document"),
        TranslatableField("credit"),
        TranslatableField("licence"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("media kit file")
        verbose_name_plural = _("media kit files")

    def clean(self):
        super().clean()
        if bool(self.image_id) == bool(self.document_id):
            raise ValidationError(_("Choose either an image or a document for each file."))
        if self.kind == self.Kind.DOCUMENT and self.image_id:
            raise ValidationError({"document": _("A document entry needs a document.")})
        if self.kind != self.Kind.DOCUMENT and self.document_id:
            raise ValidationError({"image": _("A logo or photo entry needs an image.")})

    @property
    def file(self):
        return self.image.file if self.image_id else self.document.file


class MediaKitArchive(models.Model):
    """The kit's ZIP as last built, and the fingerprint of the kit it was built from."""

    kit = models.OneToOneField(MediaKit, on_delete=models.CASCADE, related_name="archive")
    file = models.FileField(upload_to="press/media-kits/", max_length=255)
    signature = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(default=0)
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("media kit archive")

    def __str__(self):
        return self.file.name
