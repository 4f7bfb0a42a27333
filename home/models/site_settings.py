from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.localization.typed_codes import WesternDigitsCharField


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide social links and contact details, edited under Settings in the admin."""

    facebook_url = models.URLField(_("Facebook page"), blank=True)
    x_url = models.URLField(_("X (Twitter) account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = WesternDigitsCharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that runs the platform, as shown in the footer."),
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used when a shared page has no image of its own."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
                FieldPanel("instagram_url"),
            ],
            _("Social media"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            _("Contact"),
        ),
        FieldPanel("default_social_image"),
    ]

    # The fallback sharing image comes with the settings (one query, not two, per page).
    select_related = ["default_social_image"]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        """(network, url) pairs for the links that are set, in display order."""
        links = [
            ("facebook", self.facebook_url),
            ("x", self.x_url),
            ("youtube", self.youtube_url),
            ("instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]
