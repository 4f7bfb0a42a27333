from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from campaigns.blocks import BodyBlock
from home.models import PortalPage


class StandardPage(PortalPage):
    """A plain content page: about, how to give, privacy, terms."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = PortalPage.content_panels + [FieldPanel("body")]
    search_fields = PortalPage.search_fields + [index.SearchField("body")]
    api_fields = [APIField("body")]
    translatable_fields = PortalPage.base_translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "campaigns.StandardPage"]
    subpage_types = ["campaigns.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
