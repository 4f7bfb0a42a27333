"""What the press room and a release show: visible releases, filters, coverage, kits, contacts.

Every list is fetched in a fixed number of queries whatever its length (the press room is
tested at 5 and 200 items).
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.models import Locale

from campaigns.models import CampaignPage
from campaigns.press.models import (
    Coverage,
    MediaKit,
    MediaKitItem,
    PressContact,
    PressReleasePage,
)

RELEASES_PER_PAGE = 10
COVERAGE_PER_PAGE = 20


def visible_releases(locale=None, now=None):
    """Releases the public may see: live, public and past their go-live time."""
    now = now or timezone.now()
    releases = PressReleasePage.objects.live().public()
    if locale is not None:
        releases = releases.filter(locale=locale)
    return releases.filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))


def localized_snippets(queryset, locale):
    """Each item in ``locale``, falling back to its Arabic (source) version (one query)."""
    default = Locale.get_default()
    items = {}
    for item in queryset.filter(locale_id__in={locale.pk, default.pk}):
        key = item.translation_key
        if key not in items or item.locale_id == locale.pk:
            items[key] = item
    return sorted(items.values(), key=lambda item: [getattr(item, f) for f in _ordering(item)])


def _ordering(item):
    return [f.lstrip("-") for f in (item._meta.ordering or ["pk"])]


def press_contacts(locale):
    return localized_snippets(PressContact.objects.all(), locale)


def campaigns_in(locale):
    """Live campaigns in ``locale``, by translation key (to localize release/coverage links)."""
    return {
        c.translation_key: c
        for c in CampaignPage.objects.live().filter(locale=locale).order_by("-start_date")
    }


def _year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1900 < year < 3000 else None


def _page_number(value):
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def press_room_context(index_page, request):
    locale = index_page.locale
    campaigns = campaigns_in(locale)
    by_slug = {c.slug: c for c in campaigns.values()}
    selected_campaign = by_slug.get(request.GET.get("campaign", ""))
    selected_year = _year(request.GET.get("year"))

    releases = visible_releases(locale).child_of(index_page)
    coverage = Coverage.objects.select_related("campaign")
    years = sorted(
        {d.year for d in releases.dates("release_date", "year")}
        | {d.year for d in coverage.dates("date", "year")},
        reverse=True,
    )
    if selected_campaign is not None:
        releases = releases.filter(
            related_campaign__translation_key=selected_campaign.translation_key
        )
        coverage = coverage.filter(campaign__translation_key=selected_campaign.translation_key)
    if selected_year is not None:
        releases = releases.filter(release_date__year=selected_year)
        coverage = coverage.filter(date__year=selected_year)

    releases = releases.select_related("related_campaign").order_by("-release_date", "-pk")
    release_page = Paginator(releases, RELEASES_PER_PAGE).get_page(
        _page_number(request.GET.get("page"))
    )
    for release in release_page:
        release.localized_campaign = _localized(release.related_campaign, campaigns)
    coverage_page = Paginator(coverage, COVERAGE_PER_PAGE).get_page(
        _page_number(request.GET.get("coverage_page"))
    )
    for item in coverage_page:
        item.localized_campaign = _localized(item.campaign, campaigns)

    kits = media_kits(locale, selected_campaign)
    filters = {}
    if selected_campaign is not None:
        filters["campaign"] = selected_campaign.slug
    if selected_year is not None:
        filters["year"] = selected_year
    return {
        "releases": release_page,
        "coverage_items": coverage_page,
        "media_kits": kits,
        "press_contacts": press_contacts(locale),
        "campaign_choices": list(campaigns.values()),
        "year_choices": years,
        "selected_campaign": selected_campaign,
        "selected_year": selected_year,
        "active_filters": filters,
    }


def _localized(page, campaigns):
    if page is None:
        return None
    return campaigns.get(page.translation_key, page)


def media_kits(locale, campaign=None):
    kits = MediaKit.objects.prefetch_related(
        Prefetch(
            "items",
            queryset=MediaKitItem.objects.select_related("image", "document").order_by(
                "sort_order"
            ),
        ),
        "items__image__renditions",
    ).select_related("archive")
    if campaign is not None:
        kits = kits.filter(campaign__translation_key=campaign.translation_key)
    return localized_snippets(kits, locale)


def release_context(release, request):
    """Speakers, gallery, attachments, contacts and the campaign, in the release's language."""
    locale = release.locale
    campaign = None
    if release.related_campaign_id:
        campaign = (
            CampaignPage.objects.live()
            .filter(translation_key=release.related_campaign.translation_key, locale=locale)
            .first()
        ) or release.related_campaign.specific
    return {
        "speakers": list(release.speakers.all()),
        "gallery": list(
            release.gallery.select_related("image").prefetch_related("image__renditions")
        ),
        "attachments": list(release.attachments.select_related("document")),
        "press_contacts": press_contacts(locale),
        "campaign": campaign,
    }
