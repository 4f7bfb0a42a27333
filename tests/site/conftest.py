"""Fixtures for the campaign site: the demo's pages in every language, and bulk content."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from campaigns.models import (
    AppealPage,
    CampaignPage,
    CampaignPartner,
    PartnerIndexPage,
    PartnerPage,
)

LANGUAGES = ("ar", "fr", "en")


def in_language(page, code):
    return (
        page
        if page.locale.language_code == code
        else page.get_translation(Locale.objects.get(language_code=code))
    )


@pytest.fixture
def site_pages(demo):
    """Each demo page type's Arabic source page."""
    from campaigns.models import StandardPage
    from home.models import HomePage

    campaign = demo["campaign"]
    return {
        "home": HomePage.objects.get(locale__language_code="ar"),
        "campaign": campaign,
        "appeal": AppealPage.objects.get(slug="lotfi-bouchnak", locale=campaign.locale),
        "partner_index": PartnerIndexPage.objects.get(locale=campaign.locale),
        "partner": PartnerPage.objects.filter(locale=campaign.locale).first(),
        "standard": StandardPage.objects.get(slug="about", locale=campaign.locale),
    }


def tiny_image(title, colour):
    canvas = PILImage.new("RGB", (48, 48), colour)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png")
    image.save()
    return image


def grow_campaign(campaign: CampaignPage, count: int, start: int = 0):
    """Add ``count`` partners (each with its own logo) and appeals (own portrait) to a campaign."""
    partner_index = PartnerIndexPage.objects.get(locale=campaign.locale)
    for i in range(start, start + count):
        partner = PartnerPage(
            title=f"Partner {i}",
            slug=f"bulk-partner-{i}",
            kind="association",
            logo=tiny_image(f"logo-{i}", "#2a6f97"),
        )
        partner_index.add_child(instance=partner)
        CampaignPartner.objects.create(campaign=campaign, partner=partner, sort_order=100 + i)
        campaign.add_child(
            instance=AppealPage(
                title=f"Appeal {i}",
                slug=f"bulk-appeal-{i}",
                person_name=f"Person {i}",
                person_role="singer",
                portrait=tiny_image(f"portrait-{i}", "#6a4c93"),
            )
        )
