"""What the home page shows, gathered in a fixed number of queries whatever the content size."""

import functools

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from campaigns.models import CampaignPage, localized_partners
from campaigns.models.page_context import HOME_LOGO_SPECS
from campaigns.press.models import PressReleasePage


def localized_link(page_id, locale_id):
    """A linked page in ``locale_id`` when it has a live translation there, else the page
    itself (as Wagtail's ``page.localized``), in one query instead of three."""
    if not page_id:
        return None
    same_key = Page.objects.filter(pk=page_id).values("translation_key")
    candidates = Page.objects.filter(
        Q(pk=page_id) | Q(translation_key__in=same_key, locale_id=locale_id, live=True)
    )
    linked = translated = None
    for candidate in candidates:
        if candidate.pk == page_id:
            linked = candidate
        if candidate.locale_id == locale_id and candidate.live:
            translated = candidate
    return translated or linked


def featured_campaign(page):
    if not page.featured_campaign_id:
        return None
    return (
        CampaignPage.objects.live()
        .filter(
            translation_key__in=CampaignPage.objects.filter(pk=page.featured_campaign_id).values(
                "translation_key"
            ),
            locale_id=page.locale_id,
        )
        .select_related("hero_image")
        .first()
    )


def home_context(page):
    """Fetched when first shown: not at all when the home page's fragment is cached."""
    campaign = functools.cache(lambda: featured_campaign(page))

    def partners():
        return localized_partners(campaign(), HOME_LOGO_SPECS) if campaign() else []

    return {
        "campaign": SimpleLazyObject(campaign),
        "partners": SimpleLazyObject(partners),
        # Looked up when shown (not when a kept fragment stands in); .public() reads the view
        # restrictions: a release behind a password or a login is not news for everyone.
        "latest_press": SimpleLazyObject(
            lambda: list(
                PressReleasePage.objects.live()
                .public()
                .filter(locale_id=page.locale_id)
                .order_by("-release_date", "-pk")[:3]
            )
        ),
        "give_page": SimpleLazyObject(lambda: localized_link(page.give_page_id, page.locale_id)),
    }
