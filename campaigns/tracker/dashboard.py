"""The admin dashboard panel: the campaign's totals and the needs most at risk."""

from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from campaigns.models import CampaignPage

from . import services
from .aggregates import disclose_needs, source_needs, totals_for, with_figures
from .models import NeedStatus


class TrackerDashboardPanel(Component):
    """Totals of the latest live campaign, and the open needs closest to their deadline that
    are least met (only the user's own organisation's for partner staff)."""

    name = "tracker"
    template_name = "tracker/admin/dashboard_panel.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        campaign = (
            CampaignPage.objects.live()
            .filter(locale=Locale.get_default())
            .order_by("-start_date")
            .first()
        )
        if campaign is None:
            return context
        needs = services.scope_queryset(
            source_needs(campaign.pk).filter(status=NeedStatus.OPEN), self.request.user
        )
        context.update(
            campaign=campaign,
            totals=totals_for(campaign),
            at_risk=disclose_needs(
                with_figures(needs.select_related("region")).order_by(
                    "deadline", "percent_met", "pk"
                )[:5]
            ),
            can_see_all=services.can_see_all(self.request.user),
        )
        return context
