"""The abstract page every public page type builds on: sharing image and common fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.page_forms import PortalPageForm


class PortalPage(Page):
    """A public page: adds the image shown when the page is shared on social media."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on Facebook, X or WhatsApp. "
            "Leave empty to use the page's main image or the site's default."
        ),
    )

    base_form_class = PortalPageForm

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, _("Common page configuration")),
        FieldPanel("social_image"),
    ]

    # Text is translated; the address (slug) and images stay the same in every language.
    base_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("social_image"),
    ]

    class Meta:
        abstract = True

    def get_social_image(self):
        """The image for Open Graph cards: the page's own, else its hero image, else None."""
        return self.social_image or getattr(self, "hero_image", None)

    def get_listing_pages(self):
        """Live pages other than its ancestors whose HTML lists this page (a partner: the
        campaigns listing it). ``portal.caching`` retires and purges them with the page."""
        return []
