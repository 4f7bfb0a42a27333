"""The list of every campaign in one language, at /<lang>/campaigns/, filterable without JS."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from campaigns.countries import sorted_country_choices
from home.models import PortalPage

from .campaign import CampaignPage, CampaignState

# The order the sections are shown in.
STATE_ORDER = (CampaignState.RUNNING, CampaignState.UPCOMING, CampaignState.CLOSED)


class CampaignFilterForm(forms.Form):
    """The index's filters, read from the query string (``?country=MA&state=running``)."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Any state")), *[(s.value, s.label) for s in STATE_ORDER]],
    )

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Every country")), *countries]


def campaigns_in(locale_id):
    """Live campaigns of one language, newest first, with their card pictures."""
    from .page_context import CARD_SPECS, with_renditions

    return list(
        CampaignPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .select_related("hero_image")
        .prefetch_related(with_renditions("hero_image", CARD_SPECS))
        .order_by("-start_date", "path")
    )


def running_then_upcoming(campaigns):
    """The running campaigns among ``campaigns``, then the upcoming ones (soonest first)."""
    running = [c for c in campaigns if c.state == CampaignState.RUNNING]
    upcoming = sorted(
        (c for c in campaigns if c.state == CampaignState.UPCOMING), key=lambda c: c.start_date
    )
    return running + upcoming


class CampaignIndexPage(PortalPage):
    """Every campaign of the portal in this language, running, upcoming and closed."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    translatable_fields = PortalPage.base_translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("campaign index")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if isinstance(response, TemplateResponse) and response.context_data.get("filter_errors"):
            response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = campaigns_in(self.locale_id)
        present = {c.country for c in campaigns}
        countries = [(code, name) for code, name in sorted_country_choices() if code in present]
        form = CampaignFilterForm(request.GET or None, countries=countries)
        country = state = ""
        if form.is_bound and form.is_valid():
            country, state = form.cleaned_data["country"], form.cleaned_data["state"]
        if country:
            campaigns = [c for c in campaigns if c.country == country]
        sections = []
        for section_state in STATE_ORDER:
            if state and state != section_state:
                continue
            listed = [c for c in campaigns if c.state == section_state]
            if section_state == CampaignState.UPCOMING:
                listed.sort(key=lambda c: c.start_date)
            sections.append(
                {"state": section_state, "label": section_state.label, "campaigns": listed}
            )
        context.update(
            filter_form=form,
            filter_errors=form.is_bound and not form.is_valid(),
            sections=sections,
            campaign_count=sum(len(s["campaigns"]) for s in sections),
        )
        return context
