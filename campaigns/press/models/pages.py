"""The press room and its releases (a press conference is a release with event details)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.blocks import BodyBlock
from campaigns.press.validators import validate_captions_file
from home.models import PortalPage


class PressIndexPage(PortalPage):
    """The press room (one per language, at /<lang>/press/)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    translatable_fields = PortalPage.base_translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("press room")

    def get_context(self, request, *args, **kwargs):
        from campaigns.press.press_room import press_room_context

        context = super().get_context(request, *args, **kwargs)
        context.update(press_room_context(self, request))
        return context


class PressReleasePage(PortalPage):
    """A press release, published in every language on the same date.

    With event details it is the report of a press conference: when and where it took place,
    who spoke, and a JSON-LD ``Event`` for search engines.
    """

    release_date = models.DateField(_("release date"))
    place = models.CharField(_("place"), max_length=120, blank=True, help_text=_("E.g. Tunis"))
    summary = models.TextField(_("summary"), help_text=_("The release's first paragraph."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    related_campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    event_start = models.DateTimeField(
        _("event starts"),
        null=True,
        blank=True,
        help_text=_("For a press conference: date and time in Tunis time. Leave empty otherwise."),
    )
    event_end = models.DateTimeField(_("event ends"), null=True, blank=True)
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("E.g. ALECSO headquarters")
    )
    venue_address = models.CharField(_("venue address"), max_length=255, blank=True)

    video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("E.g. the television coverage. It only loads when the visitor presses play."),
    )
    video_poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("video poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The still shown before the video plays."),
    )
    video_captions = models.FileField(
        _("video captions (WebVTT)"),
        upload_to="press/captions/",
        blank=True,
        validators=[validate_captions_file],
    )
    video_transcript = models.TextField(_("video transcript"), blank=True)

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel([FieldPanel("release_date"), FieldPanel("place")], _("Dateline")),
        FieldPanel("summary"),
        FieldPanel("body"),
        PageChooserPanel("related_campaign", "campaigns.CampaignPage"),
        MultiFieldPanel(
            [
                FieldPanel("event_start"),
                FieldPanel("event_end"),
                FieldPanel("venue"),
                FieldPanel("venue_address"),
                InlinePanel("speakers", heading=_("Speakers")),
            ],
            _("Press conference"),
            help_text=_("Fill in only when the release reports an event."),
        ),
        InlinePanel("gallery", heading=_("Photo gallery")),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("video_poster"),
                FieldPanel("video_captions"),
                FieldPanel("video_transcript"),
            ],
            _("Video"),
            help_text=_("A video always needs a poster image and captions."),
        ),
        InlinePanel("attachments", heading=_("Attachments")),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.RelatedFields("speakers", [index.SearchField("name"), index.SearchField("role")]),
        index.FilterField("release_date"),
    ]
    api_fields = [
        APIField("release_date"),
        APIField("place"),
        APIField("summary"),
        APIField("body"),
        APIField("related_campaign"),
        APIField("event_start"),
        APIField("event_end"),
        APIField("venue"),
        APIField("venue_address"),
        APIField("speakers"),
        APIField("gallery"),
        APIField("video_poster", serializer=ImageRenditionField("width-1200")),
        APIField("video_transcript"),
    ]
    translatable_fields = PortalPage.base_translatable_fields + [
        TranslatableField("place"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("release_date"),
        SynchronizedField("related_campaign"),
        SynchronizedField("event_start"),
        SynchronizedField("event_end"),
        TranslatableField("venue"),
        TranslatableField("venue_address"),
        TranslatableField("speakers"),
        TranslatableField("gallery"),
        SynchronizedField("video"),
        SynchronizedField("video_poster"),
        SynchronizedField("video_captions"),
        TranslatableField("video_transcript"),
        TranslatableField("attachments"),
    ]

    parent_page_types = ["press.PressIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")

    def clean(self):
        super().clean()
        errors = {}
        if self.event_end and not self.event_start:
            errors["event_start"] = _("Give the time the event starts.")
        elif self.event_start and self.event_end and self.event_end < self.event_start:
            errors["event_end"] = _("The event cannot end before it starts.")
        if (self.venue or self.venue_address) and not self.event_start:
            errors.setdefault("event_start", _("A venue needs the event's date and time."))
        if self.video_id and not self.video_poster_id:
            errors["video_poster"] = _("A video needs a poster image.")
        if self.video_id and not self.video_captions:
            errors["video_captions"] = _("A video needs captions (a WebVTT file).")
        if errors:
            raise ValidationError(errors)

    @property
    def is_event(self):
        return self.event_start is not None

    def is_embargoed(self, now=None):
        """True while the release is scheduled for later: nobody outside the admin sees it."""
        return self.go_live_at is not None and self.go_live_at > (now or timezone.now())

    def serve(self, request, *args, **kwargs):
        # Belt and braces: Wagtail hides unpublished pages; a page made live by other means
        # before its go-live time stays hidden too.
        if self.is_embargoed() and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from campaigns.press.press_room import release_context

        context = super().get_context(request, *args, **kwargs)
        context.update(release_context(self, request))
        return context
