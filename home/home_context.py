"""What the home page shows, gathered in a fixed number of queries whatever the content size."""

from campaigns.models import CampaignPage, localized_partners
from campaigns.press.models import PressReleasePage


def home_context(page):
    campaign = None
    if page.featured_campaign_id:
        campaign = (
            CampaignPage.objects.live()
            .filter(
                translation_key__in=CampaignPage.objects.filter(
                    pk=page.featured_campaign_id
                ).values("translation_key"),
                locale_id=page.locale_id,
            )
            .select_related("hero_image")
            .first()
        )
    partners = localized_partners(campaign) if campaign else []
    latest_press = (
        PressReleasePage.objects.live()
        .filter(locale_id=page.locale_id)
        .order_by("-release_date", "-pk")[:3]
    )
    give_page = None
    if page.give_page_id:
        give_page = page.give_page.localized if page.give_page else None
    return {
        "campaign": campaign,
        "partners": partners,
        "latest_press": latest_press,
        "give_page": give_page,
    }
