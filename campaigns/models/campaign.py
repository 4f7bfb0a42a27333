"""A country campaign: its dates, its story, its partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.admin_widgets import PartnerPageChooser
from campaigns.blocks import BodyBlock, VideoBlock
from campaigns.blocks.video import missing_caption_language
from campaigns.countries import COUNTRY_CHOICES
from home.models import PortalPage


class CampaignState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class CampaignPage(PortalPage):
    """One national solidarity campaign (e.g. "Bridge of Love" in Tunisia)."""

    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRY_CHOICES,
        help_text=_("The country where the campaign collects and delivers aid."),
    )
    start_date = models.DateField(_("start date"), help_text=_("First day of the campaign."))
    end_date = models.DateField(_("end date"), help_text=_("Last day of the campaign (inclusive)."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences shown on cards and at the top of the page."),
    )
    promo_video = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("promotional video"),
        max_num=1,
        blank=True,
        help_text=_("The campaign clip: a video file with poster and captions, or a link."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("start_date"), FieldPanel("end_date")],
            _("Where and when"),
            help_text=_(
                "The campaign's state (upcoming, running, closed) follows from these dates."
            ),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("summary")], _("Introduction")),
        FieldPanel("promo_video"),
        FieldPanel("body"),
        InlinePanel(
            "campaign_partners",
            label=_("Partners"),
            heading=_("Partners"),
            help_text=_("In the order shown on the page. Add missing partners under Partners."),
        ),
        InlinePanel(
            "giving_channels",
            label=_("Ways to give"),
            heading=_("How to give"),
            help_text=_("Bank transfer, mobile payment, drop-off points, online."),
        ),
        FieldPanel("facebook_url"),
    ]

    search_fields = PortalPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    api_fields = [
        APIField("country"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("state"),
        APIField("summary"),
        APIField("promo_video"),
        APIField("body"),
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField("fill-1200x630|format-webp", source="hero_image"),
        ),
        APIField("campaign_partners"),
        APIField("giving_channels"),
        APIField("facebook_url"),
    ]

    translatable_fields = PortalPage.base_translatable_fields + [
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("promo_video"),
        TranslatableField("giving_channels"),
        SynchronizedField("country"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("hero_image"),
        SynchronizedField("facebook_url"),
        SynchronizedField("campaign_partners"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.AppealPage"]

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date must not be before the start date.")
        language = self.locale.language_code if self.locale_id else None
        if language and missing_caption_language(self.promo_video, language):
            errors["promo_video"] = _("The video needs captions in this page's language.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from .page_context import campaign_context

        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_context(self))
        return context

    def get_social_image(self):
        return self.social_image or self.hero_image

    @property
    def closed_on(self):
        return self.end_date if self.state == CampaignState.CLOSED else None

    def state_on(self, day):
        """The campaign's state on a given local date."""
        if day < self.start_date:
            return CampaignState.UPCOMING
        if day > self.end_date:
            return CampaignState.CLOSED
        return CampaignState.RUNNING

    @property
    def state(self):
        """Upcoming, running or closed, from today's date in the site's time zone."""
        return self.state_on(timezone.localdate())

    @property
    def state_label(self):
        return CampaignState(self.state).label


class PartnerRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    IMPLEMENTING = "implementing", _("Implementing partner")
    SUPPORTER = "supporter", _("Supporter")
    MEDIA = "media", _("Media partner")


class CampaignPartner(Orderable):
    """A partner organisation's place and role in one campaign."""

    campaign = ParentalKey(CampaignPage, related_name="campaign_partners", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.IMPLEMENTING
    )

    panels = [FieldPanel("partner", widget=PartnerPageChooser), FieldPanel("role")]
    api_fields = [APIField("partner_id"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("campaign partner")


def localized_partners(campaign, rendition_specs=()):
    """The campaign's partners in the campaign's language, in order, in two or three queries.

    Partner links point at the source (Arabic) partner pages; each is swapped for its
    translation in the campaign's locale when one is live (one query, only when some link
    points at another language). Logos come joined, and their renditions
    (``rendition_specs``, else all) prefetched, whatever the number of partners.
    """
    from .page_context import with_renditions
    from .partner import PartnerPage

    links = list(
        CampaignPartner.objects.filter(campaign=campaign)
        .select_related("partner__logo")
        .order_by("sort_order")
    )
    keys = [
        link.partner.translation_key
        for link in links
        if link.partner.locale_id != campaign.locale_id
    ]
    translations = {}
    if keys:
        translations = {
            p.translation_key: p
            for p in PartnerPage.objects.live()
            .filter(translation_key__in=keys, locale_id=campaign.locale_id)
            .select_related("logo")
        }
    for link in links:
        link.localized_partner = translations.get(link.partner.translation_key, link.partner)
    prefetch_related_objects(
        [link.localized_partner for link in links], with_renditions("logo", rendition_specs)
    )
    return links
