"""A country campaign: its dates, its story, its partners, its country's conventions."""

import zoneinfo
from functools import cached_property

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.admin_widgets import PartnerPageChooser
from campaigns.api_paths import tracker_api_paths
from campaigns.blocks import BodyBlock, VideoBlock
from campaigns.blocks.video import missing_caption_language, poster_pictures
from campaigns.countries import country_conventions, sorted_country_choices
from home.models import PortalPage
from home.view_paths import view_paths
from portal.localization.conventions import DIGIT_STYLES
from portal.localization.numbers import is_known_currency


class CampaignState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class CampaignPage(PortalPage):
    """One national solidarity campaign (e.g. "Bridge of Love" in Tunisia)."""

    sharing_image_fields = ("social_image", "hero_image")

    country = models.CharField(
        _("country"),
        max_length=2,
        choices=sorted_country_choices,
        help_text=_("The country where the campaign collects and delivers aid."),
    )
    # Overrides of the country's conventions (campaigns/countries.py); blank = the country's.
    currency_override = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        help_text=_(
            "ISO 4217 code of the money the campaign collects. Leave blank for the "
            "country's currency (JOD in Jordan, MAD in Morocco)."
        ),
    )
    locale_override = models.CharField(
        _("Arabic conventions (CLDR locale)"),
        max_length=20,
        blank=True,
        help_text=_(
            "Month names and currency signs in Arabic, e.g. ar_TN («ماي») or ar_JO «أيار». "
            "Leave blank for the country's (ar_ followed by its code)."
        ),
    )
    digits_override = models.CharField(
        _("digits in Arabic"),
        max_length=4,
        blank=True,
        choices=[("latn", _("Western (0-9)")), ("arab", _("Arabic-Indic (٠-٩)"))],
        help_text=_("Leave blank for the country's customary digits."),
    )
    time_zone_override = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_(
            "The campaign starts and ends at midnight in this time zone, e.g. Asia/Amman. "
            "Leave blank for the country's."
        ),
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
        MultiFieldPanel(
            [
                FieldPanel("currency_override"),
                FieldPanel("locale_override"),
                FieldPanel("digits_override"),
                FieldPanel("time_zone_override"),
            ],
            _("Local conventions"),
            help_text=_(
                "Currency, Arabic month names, digits and time zone follow the country; "
                "fill a field only to use something else."
            ),
            classname="collapsed",
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("summary")], _("Introduction")),
        FieldPanel("promo_video"),
        FieldPanel("body"),
        InlinePanel(
            "campaign_partners",
            # Each row's heading: «الشريك 1», not «الشركاء 1» ("Partners 1").
            label=_("Partner"),
            heading=_("Partners"),
            help_text=_("In the order shown on the page. Add missing partners under Partners."),
        ),
        InlinePanel(
            "giving_channels",
            heading=_("How to give"),  # each row: the model's name, «طريقة التبرع 1»
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
        APIField("currency"),
        APIField("time_zone"),
        APIField("cldr_locale"),
        APIField("digits"),
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
        SynchronizedField("currency_override"),
        SynchronizedField("locale_override"),
        SynchronizedField("digits_override"),
        SynchronizedField("time_zone_override"),
        SynchronizedField("hero_image"),
        SynchronizedField("facebook_url"),
        SynchronizedField("campaign_partners"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.AppealPage"]
    # A new campaign is in the site's menu unless its editor unticks "Show in menus".
    show_in_menus_default = True

    class Meta:
        verbose_name = _("campaign")

    def get_cached_paths(self):
        """Wagtail's paths to purge with this page: its address and the views named by its
        slug (its needs, their CSV and JSON data), so a new title or an unpublish reaches
        them."""
        return ["/", *view_paths(self, campaign_slug=self.slug)]

    def get_site_cached_paths(self):
        """Site-absolute paths outside the language prefixes that show this page: the tracker
        API's list and details of campaigns (title, summary, dates), purged with it."""
        return tracker_api_paths("tracker-campaign", self)

    def get_listing_pages(self):
        """Live pages in this page's language whose HTML names this campaign beyond its
        ancestors: the campaign indexes (their cards), its partners' pages (their campaigns)
        and its own subpages (appeals, whose header names it); retired and purged with it."""
        from .campaign_index import CampaignIndexPage
        from .partner import PartnerPage

        partners = self.campaign_partners.values("partner__translation_key")
        return [
            *CampaignIndexPage.objects.live().filter(locale_id=self.locale_id),
            *PartnerPage.objects.live().filter(
                locale_id=self.locale_id, translation_key__in=partners
            ),
            *self.get_descendants().live().specific(),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date must not be before the start date.")
        language = self.locale.language_code if self.locale_id else None
        if language and missing_caption_language(self.promo_video, language):
            errors["promo_video"] = _("The video needs captions in this page's language.")
        errors.update(self._convention_errors())
        if errors:
            raise ValidationError(errors)

    def _convention_errors(self):
        errors = {}
        self.currency_override = (self.currency_override or "").strip().upper()
        if self.currency_override and not is_known_currency(self.currency_override):
            errors["currency_override"] = _("Enter an ISO 4217 currency code, such as JOD.")
        if self.locale_override:
            try:
                BabelLocale.parse(self.locale_override.strip())
            except (UnknownLocaleError, ValueError):
                errors["locale_override"] = _("Enter a CLDR locale, such as ar_JO.")
        if self.digits_override and self.digits_override not in DIGIT_STYLES:
            errors["digits_override"] = _("Choose Western or Arabic-Indic digits.")
        if self.time_zone_override and self.time_zone_override not in _time_zones():
            errors["time_zone_override"] = _("Enter a time zone name, such as Asia/Amman.")
        return errors

    def shown_pictures(self):
        """The clip's poster (home.models.base.PortalPage.shown_pictures)."""
        return poster_pictures(self.promo_video)

    def get_context(self, request, *args, **kwargs):
        from .page_context import campaign_context

        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_context(self))
        return context

    @cached_property
    def conventions(self):
        """The campaign's ``Conventions``: its country's, with this page's overrides."""
        return country_conventions(
            self.country,
            currency=self.currency_override,
            locale=self.locale_override.strip(),
            digits=self.digits_override,
            time_zone=self.time_zone_override,
        )

    @property
    def currency(self):
        """The ISO 4217 code the campaign collects money in (its country's by default)."""
        return self.conventions.currency

    @property
    def time_zone(self):
        """The IANA time zone of the campaign's days (its country's by default)."""
        return self.conventions.time_zone

    @property
    def cldr_locale(self):
        """The CLDR locale of its Arabic text: month names, currency signs ('ar_JO')."""
        return self.conventions.locale

    @property
    def digits(self):
        """'latn' or 'arab': the digits of its Arabic text."""
        return self.conventions.digits

    def local_today(self):
        """Today's date in the campaign's time zone."""
        return timezone.localdate(timezone=zoneinfo.ZoneInfo(self.time_zone))

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
        """Upcoming, running or closed, from today's date in the campaign's time zone: a
        Jordanian campaign ending on 31 December is closed from midnight, Amman time."""
        return self.state_on(self.local_today())

    @property
    def state_label(self):
        return CampaignState(self.state).label


def _time_zones():
    return zoneinfo.available_timezones()


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
        verbose_name=pgettext_lazy("field label", "partner"),
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
