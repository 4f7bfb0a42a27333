"""Partner organisations and their public profiles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.api_paths import tracker_api_paths
from home.models import PortalPage
from home.private_pages import restricted
from portal.localization.typed_codes import WesternDigitsCharField


class PartnerIndexPage(PortalPage):
    """The list of partner organisations (one per language, at /<lang>/partners/)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    translatable_fields = PortalPage.base_translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .page_context import LOGO_SPECS, with_renditions

        context["partners"] = (
            PartnerPage.objects.child_of(self)
            .live()
            .exclude(restricted())
            .select_related("logo")
            .prefetch_related(with_renditions("logo", LOGO_SPECS))
            .order_by("path")
        )
        return context


class PartnerKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry or public body")
    ASSOCIATION = "association", _("Association")
    UNION = "union", _("Union or federation")
    RED_CRESCENT = "red_crescent", _("Red Crescent")
    SCOUTS = "scouts", _("Scouts")
    YOUTH = "youth", _("Youth or children's organisation")
    INTERNATIONAL = "international", _("International organisation")
    OTHER = "other", _("Other")


class PartnerPage(PortalPage):
    """A partner organisation's profile: who they are and how to reach them."""

    sharing_image_fields = ("social_image", "logo")

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    description = RichTextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("public contact email"), blank=True)
    contact_phone = WesternDigitsCharField(_("public contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    regions_served = models.CharField(
        _("regions served"),
        max_length=500,
        blank=True,
        help_text=_("Where the organisation works, separated by commas (e.g. Tunis, Sfax)."),
    )

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("kind")], _("Identity")),
        FieldPanel("description"),
        FieldPanel("regions_served"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            _("Public contact"),
            help_text=_("Shown on the public profile: use the organisation's public addresses."),
        ),
    ]

    search_fields = PortalPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("regions_served"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("description"),
        APIField("website"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("address"),
        APIField("regions_served"),
        APIField("campaign_ids"),
        APIField("logo"),
        APIField("logo_rendition", serializer=ImageRenditionField("max-400x400", source="logo")),
    ]
    translatable_fields = PortalPage.base_translatable_fields + [
        TranslatableField("description"),
        TranslatableField("address"),
        TranslatableField("regions_served"),
        SynchronizedField("logo"),
        SynchronizedField("kind"),
        SynchronizedField("website"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]

    parent_page_types = ["campaigns.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner")

    @property
    def regions(self):
        """The regions served, as a list for display."""
        return [r.strip() for r in self.regions_served.split(",") if r.strip()]

    @property
    def campaign_ids(self):
        return [campaign.pk for campaign in self.campaigns()]

    def campaigns(self):
        """Live campaigns in this page's language that list this partner (any locale's link)."""
        from .campaign import CampaignPage, CampaignPartner

        source_keys = CampaignPartner.objects.filter(
            partner__translation_key=self.translation_key
        ).values("campaign__translation_key")
        return (
            CampaignPage.objects.live()
            .exclude(restricted())
            .filter(translation_key__in=source_keys, locale_id=self.locale_id)
            .order_by("-start_date")
        )

    def get_listing_pages(self):
        """The campaigns listing this partner, in this page's language (their partner grid
        shows its name and logo): retired and purged with it."""
        return list(self.campaigns())

    def get_site_cached_paths(self):
        """Site-absolute paths outside the language prefixes that show this page: the tracker
        API's list and details of partners, purged with it."""
        return tracker_api_paths("tracker-partner", self)
