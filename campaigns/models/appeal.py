"""An artist's or public figure's appeal for a campaign: who they are and their video."""

from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.blocks import VideoBlock
from campaigns.blocks.video import missing_caption_language, poster_pictures
from campaigns.countries import sorted_country_choices
from home.models import PortalPage
from home.page_forms import PortalPageForm

SPOKEN_LANGUAGES = [
    ("ar", _("Arabic")),
    ("aeb", _("Tunisian Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
    ("other", _("Other")),
]

OUTSIDE_CAMPAIGN = _("An appeal must be placed under a campaign page.")
NO_CAPTIONS_HERE = _("The video needs captions in this page's language.")


class AppealPageForm(PortalPageForm):
    """Refuses an appeal whose parent is not a campaign, with a message in the editor's form."""

    def clean(self):
        cleaned = super().clean()
        parent = getattr(self, "parent_page", None)
        if parent is not None and parent.specific_class.__name__ != "CampaignPage":
            raise forms.ValidationError(OUTSIDE_CAMPAIGN)
        return cleaned


class AppealPage(PortalPage):
    """A person's appeal to give to a campaign: their portrait, their words and their video."""

    sharing_image_fields = ("social_image", "portrait", "poster")

    person_name = models.CharField(_("name"), max_length=200)
    person_role = models.CharField(
        _("role"), max_length=200, help_text=_("e.g. singer, actor, journalist.")
    )
    person_country = models.CharField(
        _("country"), max_length=2, choices=sorted_country_choices, blank=True
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square photo works best; you need the right to publish it."),
    )
    video = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("appeal video"),
        max_num=1,
        blank=True,
        help_text=_("The appeal clip with its poster, captions and transcript."),
    )
    quote = models.TextField(
        _("pull quote"), blank=True, help_text=_("One sentence from the appeal, shown large.")
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the person says, as text on the page."),
    )
    spoken_language = models.CharField(
        _("language spoken"), max_length=8, choices=SPOKEN_LANGUAGES, default="ar"
    )

    base_form_class = AppealPageForm

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldPanel("person_role"),
                FieldPanel("person_country"),
                FieldPanel("portrait"),
            ],
            _("The person"),
        ),
        FieldPanel("video"),
        FieldPanel("quote"),
        FieldPanel("transcript"),
        FieldPanel("spoken_language"),
    ]

    search_fields = PortalPage.search_fields + [
        index.SearchField("person_name", boost=2),
        index.SearchField("quote"),
        index.SearchField("transcript"),
    ]
    api_fields = [
        APIField("person_name"),
        APIField("person_role"),
        APIField("person_country"),
        APIField(
            "portrait_rendition",
            serializer=ImageRenditionField("fill-400x400|format-webp", source="portrait"),
        ),
        APIField("video"),
        APIField("quote"),
        APIField("transcript"),
        APIField("spoken_language"),
    ]
    translatable_fields = PortalPage.base_translatable_fields + [
        TranslatableField("person_name"),
        TranslatableField("person_role"),
        TranslatableField("quote"),
        TranslatableField("transcript"),
        TranslatableField("video"),
        SynchronizedField("person_country"),
        SynchronizedField("portrait"),
        SynchronizedField("spoken_language"),
    ]

    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("appeal")

    def clean(self):
        super().clean()
        if self.pk and self.path:
            parent = self.get_parent()
            if parent is not None and parent.specific_class.__name__ != "CampaignPage":
                raise ValidationError(OUTSIDE_CAMPAIGN)
        if self.locale_id and missing_caption_language(self.video, self.locale.language_code):
            raise ValidationError({"video": NO_CAPTIONS_HERE})

    @cached_property
    def conventions(self):
        """Its campaign's conventions (dates, digits, money), or None outside a campaign."""
        parent = self.get_parent() if self.path else None
        return getattr(parent.specific, "conventions", None) if parent is not None else None

    def shown_pictures(self):
        """The video's poster (home.models.base.PortalPage.shown_pictures)."""
        return poster_pictures(self.video)

    @property
    def poster(self):
        for child in self.video or []:
            return child.value.get("poster")
        return None
