from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.view_paths import view_paths

from .base import PortalPage


class HomePage(PortalPage):
    """The portal's front page in one language: hero, featured campaign, call to give, news."""

    sharing_image_fields = ("social_image", "hero_image")

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        blank=True,
        help_text=_("One sentence under the title that says what the platform is for."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The campaign shown first on the home page."),
    )
    give_heading = models.CharField(_("call to give: heading"), max_length=120, blank=True)
    give_text = models.TextField(_("call to give: text"), blank=True)
    give_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to give: page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the 'give' button leads, usually the campaign or 'how to give'."),
    )

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("tagline"), FieldPanel("intro")],
            _("Hero"),
        ),
        PageChooserPanel("featured_campaign", "campaigns.CampaignPage"),
        MultiFieldPanel(
            [FieldPanel("give_heading"), FieldPanel("give_text"), FieldPanel("give_page")],
            _("Call to give"),
        ),
    ]

    search_fields = PortalPage.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("intro"),
    ]

    api_fields = [
        APIField("tagline"),
        APIField("intro"),
        APIField("hero_image"),
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField("fill-1200x630|format-webp", source="hero_image"),
        ),
        APIField("featured_campaign"),
        APIField("give_heading"),
        APIField("give_text"),
        APIField("give_page"),
    ]

    translatable_fields = PortalPage.base_translatable_fields + [
        TranslatableField("tagline"),
        TranslatableField("intro"),
        TranslatableField("give_heading"),
        TranslatableField("give_text"),
        SynchronizedField("hero_image"),
        SynchronizedField("featured_campaign"),
        SynchronizedField("give_page"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_cached_paths(self):
        """Wagtail's paths to purge with this page: its address and the site's views in its
        language that take no argument (search, the press feeds), so a publish under it, or
        a change of the chrome, reaches them."""
        return ["/", *view_paths(self)]

    def get_context(self, request, *args, **kwargs):
        """Adds what the apps above register as ``home_page_context`` hooks (the featured
        campaign, partners, news: ``campaigns/wagtail_hooks.py``), so ``home`` imports none."""
        context = super().get_context(request, *args, **kwargs)
        for extra_context in hooks.get_hooks("home_page_context"):
            context.update(extra_context(self))
        return context
