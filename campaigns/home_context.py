"""What the home page shows, gathered in a fixed number of queries whatever the content size."""

import functools

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from campaigns.models import CampaignPage, localized_partners
from campaigns.models.page_context import HOME_LOGO_SPECS
from campaigns.press.models import PressReleasePage
from home.private_pages import restricted


def localized_link(page_id, locale_id):
    """A linked page in ``locale_id`` when it has a live translation there, else the page
    itself (as Wagtail's ``page.localized``), in one query instead of three; ``None`` when
    that page is not live or is private (a view restriction on it or an ancestor): a link
    for every visitor must not lead to a 404 or a login."""
    if not page_id:
        return None
    same_key = Page.objects.filter(pk=page_id).values("translation_key")
    candidates = Page.objects.filter(
        Q(pk=page_id) | Q(translation_key__in=same_key, locale_id=locale_id, live=True)
    ).annotate(restricted=restricted())
    linked = translated = None
    for candidate in candidates:
        if candidate.pk == page_id:
            linked = candidate
        if candidate.locale_id == locale_id and candidate.live:
            translated = candidate
    found = translated or linked
    return found if found is not None and found.live and not found.restricted else None


def featured_campaign(page):
    """The featured campaign's live translation in the home page's language, or None.

    Usually one of the campaigns the home page lists anyway (``home_campaigns``: no query of
    its own, its picture's renditions already there); else looked up.
    """
    if not page.featured_campaign_id:
        return None
    listed = home_campaigns(page)["all"]
    chosen = next((c for c in listed if c.pk == page.featured_campaign_id), None)
    if chosen is not None:
        key = chosen.translation_key
        return next(
            (c for c in listed if c.locale_id == page.locale_id and c.translation_key == key),
            None,
        )
    return (
        CampaignPage.objects.live()
        .exclude(restricted())
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
        # Every running and upcoming campaign, each in its own country's conventions, and
        # the overview across all campaigns: one query for both (and one for the cards'
        # pictures), the figures from each campaign's cached totals.
        "current_campaigns": SimpleLazyObject(lambda: home_campaigns(page)["current"]),
        "overview": SimpleLazyObject(lambda: home_campaigns(page)["overview"]),
        "campaign_index": SimpleLazyObject(lambda: _campaign_index(page)),
    }


def home_campaigns(page):
    """The home page's running and upcoming campaigns (in its language) and the overview
    of every live campaign; memoised on the page object for the render."""
    found = getattr(page, "_home_campaigns", None)
    if found is not None:
        return found
    from campaigns.models.campaign_index import running_then_upcoming
    from campaigns.models.page_context import CARD_SPECS, with_renditions
    from campaigns.tracker.overview import regional_overview
    from campaigns.tracker.services.common import default_locale_id

    source_locale = default_locale_id()
    campaigns = list(
        CampaignPage.objects.live()
        .exclude(restricted())
        .filter(locale_id__in={page.locale_id, source_locale})
        .select_related("hero_image")
        .prefetch_related(with_renditions("hero_image", CARD_SPECS))
        .order_by("-start_date", "path")
    )
    page._home_campaigns = {
        "all": campaigns,
        "current": running_then_upcoming([c for c in campaigns if c.locale_id == page.locale_id]),
        "overview": regional_overview([c for c in campaigns if c.locale_id == source_locale]),
    }
    return page._home_campaigns


def _campaign_index(page):
    from campaigns.models import CampaignIndexPage

    return CampaignIndexPage.objects.live().child_of(page).first()
