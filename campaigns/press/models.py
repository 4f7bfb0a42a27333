"""The press room: releases (a press conference is a release with event details)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.blocks import BodyBlock
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
        context = super().get_context(request, *args, **kwargs)
        context["releases"] = (
            PressReleasePage.objects.child_of(self).live().order_by("-release_date", "-pk")
        )
        return context


class PressReleasePage(PortalPage):
    """A press release, published in every language on the same date."""

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

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel([FieldPanel("release_date"), FieldPanel("place")], _("Dateline")),
        FieldPanel("summary"),
        FieldPanel("body"),
        PageChooserPanel("related_campaign", "campaigns.CampaignPage"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("release_date"),
    ]
    api_fields = [
        APIField("release_date"),
        APIField("place"),
        APIField("summary"),
        APIField("body"),
        APIField("related_campaign"),
    ]
    translatable_fields = PortalPage.base_translatable_fields + [
        TranslatableField("place"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("release_date"),
        SynchronizedField("related_campaign"),
    ]

    parent_page_types = ["press.PressIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
