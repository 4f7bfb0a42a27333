"""Needs in the public site search (search/registry.py), in the visitor's language."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def public_needs():
    from campaigns.models import CampaignPage
    from home.private_pages import restricted

    from .models import Need, NeedStatus

    # Not a private campaign's: its needs page answers 404 to everyone else.
    public = CampaignPage.objects.live().exclude(restricted())
    live_campaigns = list(public.values_list("pk", flat=True))
    return Need.objects.filter(
        status__in=[NeedStatus.OPEN, NeedStatus.MET], campaign__in=live_campaigns
    ).select_related("campaign")


def need_url(need):
    return reverse("tracker:needs", kwargs={"campaign_slug": need.campaign.slug}) + (
        f"#need-{need.translation_key}"
    )


def register():
    from search.registry import register_snippet

    from .models import Need

    register_snippet(
        Need,
        queryset=public_needs,
        label=_("Need"),
        campaign="campaign",
        url=need_url,
        excerpt=lambda need: need.description,
    )
