"""Coverage (what the media published about a campaign) and press contacts."""

from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.countries import COUNTRY_CHOICES
from campaigns.press.validators import timecode_seconds, validate_timecode, web_url_validator
from portal.localization.typed_codes import WesternDigitsCharField


def language_choices():
    """Every language Django knows, named in the reader's language (Django's catalogues); a
    callable, so the list never becomes a migration."""
    return [(code, _(name)) for code, name in global_settings.LANGUAGES]


class Medium(models.TextChoices):
    TV = "tv", _("Television")
    RADIO = "radio", _("Radio")
    PRINT = "print", _("Print")
    ONLINE = "online", _("Online")
    SOCIAL = "social", _("Social media")


class Coverage(index.Indexed, models.Model):
    """A piece the media published about a campaign: a TV report, an article, a post.

    Not translated: the headline stays in the outlet's own language (``language``), and the
    same item is listed in every language of the press room.
    """

    outlet = models.CharField(_("outlet"), max_length=150, help_text=_("E.g. Tunisian Television"))
    headline = models.CharField(
        _("headline"), max_length=300, help_text=_("As the outlet published it, in its language.")
    )
    # A CharField so that the only check (and message) is ours: http(s) links only.
    url = models.CharField(
        _("link"),
        max_length=500,
        validators=[web_url_validator],
        help_text=_("The article or video on the outlet's site (http:// or https://)."),
    )
    date = models.DateField(_("date"))
    medium = models.CharField(_("medium"), max_length=10, choices=Medium.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=language_choices, default="ar"
    )
    country = models.CharField(
        _("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True, default="TN"
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coverage",
        help_text=_("Choose the campaign in Arabic; it is shown in every language."),
    )
    clip = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("clip"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a copy of the report, if we have the right to show it."),
    )
    clip_timecode = WesternDigitsCharField(
        _("clip starts at"),
        max_length=8,
        blank=True,
        validators=[validate_timecode],
        help_text=_("Where the campaign appears in the report, e.g. 12:40 (MM:SS or HH:MM:SS)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("outlet"),
        FieldPanel("headline"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("medium")]),
        FieldRowPanel([FieldPanel("language"), FieldPanel("country")]),
        FieldPanel("campaign"),
        MultiFieldPanel([FieldPanel("clip"), FieldPanel("clip_timecode")], _("Clip")),
    ]
    search_fields = [
        index.SearchField("outlet"),
        index.SearchField("headline"),
        index.AutocompleteField("outlet"),
        index.AutocompleteField("headline"),
        index.FilterField("medium"),
        index.FilterField("date"),
        index.FilterField("language"),
        index.FilterField("campaign"),
    ]

    class Meta:
        verbose_name = _("coverage")
        verbose_name_plural = _("coverage")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["-date"], name="press_coverage_date")]

    def __str__(self):
        # The reader's punctuation: French puts a no-break space before the colon.
        return pgettext("a press outlet and its headline", "%(outlet)s: %(headline)s") % {
            "outlet": self.outlet,
            "headline": self.headline,
        }

    @property
    def clip_start_seconds(self):
        return timecode_seconds(self.clip_timecode)

    @property
    def link_with_timecode(self):
        """The link, jumping to the timecode on YouTube-style players."""
        if self.clip_timecode and not self.clip_id and "youtu" in self.url:
            separator = "&" if "?" in self.url else "?"
            return f"{self.url}{separator}t={self.clip_start_seconds}"
        return self.url


class PressContact(TranslatableMixin, models.Model):
    """Whom journalists call or write to; shown on every release and in the press room."""

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200, help_text=_("E.g. Press officer"))
    email = models.EmailField(_("email"))
    phone = WesternDigitsCharField(_("phone"), max_length=40, blank=True, help_text=_("+216 …"))
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        help_text=_("Language codes separated by commas, e.g. ar, fr, en."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("languages"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("languages"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.role})"

    def clean(self):
        super().clean()
        self.languages = ", ".join(self.language_codes)

    @property
    def language_codes(self):
        return [c.strip().lower() for c in self.languages.replace("،", ",").split(",") if c.strip()]

    @property
    def language_names(self):
        """The spoken languages' names in the visitor's language (e.g. “Arabic, French”)."""
        from django.utils.translation import gettext

        names = dict(global_settings.LANGUAGES)
        return [gettext(names[c]) if c in names else c for c in self.language_codes]
