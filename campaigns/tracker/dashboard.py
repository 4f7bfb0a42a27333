"""The admin dashboard panel: each campaign's totals and the needs most at risk.

Partner staff see every live campaign whose partners list their organisation; staff (anyone
who acts for no partner: administrators, communications staff, moderators, translators, press
officers) see every running campaign (the most recent one when none is running) and can
choose any other live campaign with ``?tracker_campaign=<id>``. The totals are the public
ones (``totals_for``); the needs at risk are only those the user may see.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from campaigns.models import CampaignPage
from campaigns.models.campaign import CampaignState
from portal.localization.page_titles import reader_titles

from . import services
from .aggregates import disclose_needs, source_needs, totals_for, with_figures
from .models import NeedStatus

AT_RISK = 5

# The chooser's groups, in the order they are offered.
CHOICE_GROUPS = (
    (CampaignState.RUNNING, _("Running campaigns")),
    (CampaignState.UPCOMING, _("Upcoming campaigns")),
    (CampaignState.CLOSED, _("Closed campaigns")),
)


def live_campaigns():
    """Live source campaigns (the Arabic pages the tracker's figures hang on), newest first."""
    return CampaignPage.objects.live().filter(locale=Locale.get_default()).order_by("-start_date")


def dashboard_campaigns(user, chosen=None):
    """The campaigns the dashboard shows ``user``, and those the chooser offers.

    Returns ``(shown, choices)``: ``shown`` a list of source ``CampaignPage``s, ``choices``
    every live campaign for staff (empty for partner staff, who see all of theirs at once).
    """
    campaigns = live_campaigns()
    ids = services.partner_ids_for(user)
    if ids:  # partner staff: their organisations' campaigns
        return list(campaigns.filter(campaign_partners__partner_id__in=ids).distinct()), []
    choices = list(campaigns)
    if chosen:
        picked = [c for c in choices if str(c.pk) == str(chosen)]
        if picked:
            return picked, choices
    running = [c for c in choices if c.state == CampaignState.RUNNING]
    return running or choices[:1], choices


def grouped_choices(choices):
    """The chooser's campaigns grouped by state, running first, then upcoming, then closed,
    as ``[(group label, [(pk, title in the reader's language), ...]), ...]``; empty groups are
    left out, so a closed campaign is never offered under «running campaigns»."""
    groups = []
    for state, label in CHOICE_GROUPS:
        members = [(c.pk, localized(c).title) for c in choices if c.state == state]
        if members:
            groups.append((label, members))
    return groups


def localized(campaign):
    """The campaign in the active language when it is translated (its title is shown)."""
    return campaign.localized


class TrackerDashboardPanel(Component):
    """Totals of each campaign the user works on, and its open needs closest to their
    deadline that are least met (only the user's own organisation's for partner staff)."""

    name = "tracker"
    template_name = "tracker/admin/dashboard_panel.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        chosen = self.request.GET.get("tracker_campaign")
        shown, choices = dashboard_campaigns(user, chosen)
        sections = []
        for campaign in shown:
            needs = services.scope_queryset(
                source_needs(campaign.pk).filter(status=NeedStatus.OPEN), user
            )
            at_risk = disclose_needs(
                with_figures(needs.select_related("region")).order_by(
                    "deadline", "percent_met", "pk"
                )[:AT_RISK]
            )
            # Source needs, named in the reader's language (their translation's title).
            titles = reader_titles(at_risk)
            for need in at_risk:
                need.reader_title = titles[need.pk]
            sections.append(
                {
                    "campaign": campaign,
                    "title": localized(campaign).title,
                    "totals": totals_for(campaign),
                    "at_risk": at_risk,
                }
            )
        context.update(
            sections=sections,
            choices=grouped_choices(choices),
            several=len(choices) > 1,
            any_running=any(c.state == CampaignState.RUNNING for c in choices),
            chosen=str(shown[0].pk) if chosen and shown else "",
            can_see_all=services.can_see_all(user),
        )
        return context
