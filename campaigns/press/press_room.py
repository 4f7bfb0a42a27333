"""What the press room and a release show: visible releases, filters, coverage, kits, contacts.

Every list is fetched in a fixed number of queries whatever its length (the press room is
tested at 5 and 200 items); media kits and contacts are fetched only when the template's
``{% cache %}`` fragment is rebuilt.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, IntegerField, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import get_language

from campaigns.models import CampaignPage
from campaigns.press.models import (
    Coverage,
    MediaKit,
    MediaKitItem,
    PressContact,
    PressReleasePage,
)
from home.private_pages import restricted

RELEASES_PER_PAGE = 10
COVERAGE_PER_PAGE = 20
# Beyond this a page number is nonsense (and its offset overflows SQLite): page 1 instead.
MAX_PAGE = 10_000


def visible_releases(locale=None, now=None):
    """Releases the public may see: live, public and past their go-live time."""
    now = now or timezone.now()
    releases = PressReleasePage.objects.live().public()
    if locale is not None:
        releases = releases.filter(locale=locale)
    return releases.filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))


def localized_snippets(queryset, language_code):
    """Each item in ``language_code``, else its Arabic (source) version; one query."""
    source = settings.LANGUAGE_CODE
    items = {}
    annotated = queryset.filter(locale__language_code__in={language_code, source}).annotate(
        language=F("locale__language_code")
    )
    for item in annotated:
        key = item.translation_key
        if key not in items or item.language == language_code:
            items[key] = item
    return list(items.values())


def press_contacts(language_code):
    contacts = localized_snippets(PressContact.objects.all(), language_code)
    return sorted(contacts, key=lambda c: (c.sort_order, c.pk))


def media_kits(language_code, campaign_key=None):
    kits = MediaKit.objects.select_related("archive").prefetch_related(
        Prefetch(
            "items",
            queryset=MediaKitItem.objects.select_related("image", "document").order_by(
                "sort_order"
            ),
        ),
        "items__image__renditions",
    )
    if campaign_key is not None:
        kits = kits.filter(campaign__translation_key=campaign_key)
    return sorted(localized_snippets(kits, language_code), key=lambda k: k.pk)


@dataclass(frozen=True)
class CampaignChoice:
    translation_key: str
    slug: str
    title: str
    url: str


def campaigns_in(locale):
    """Live campaigns in ``locale``, by translation key (to localize release/coverage links)."""
    return {
        c.translation_key: c
        for c in CampaignPage.objects.live()
        .exclude(restricted())
        .filter(locale=locale)
        .order_by("-start_date")
    }


def room_choices(index_page):
    """The campaign and year filters' options."""

    def build():
        campaigns = [
            CampaignChoice(str(c.translation_key), c.slug, c.title, c.url or "")
            for c in CampaignPage.objects.live()
            .exclude(restricted())
            .filter(locale_id=index_page.locale_id)
            .order_by("-start_date")
        ]
        release_years = (
            visible_releases()
            .child_of(index_page)
            .annotate(year=ExtractYear("release_date", output_field=IntegerField()))
            .values_list("year", flat=True)
            .order_by()
        )
        coverage_years = (
            Coverage.objects.annotate(year=ExtractYear("date", output_field=IntegerField()))
            .values_list("year", flat=True)
            .order_by()
        )
        years = sorted(set(release_years.union(coverage_years)), reverse=True)
        return {"campaigns": campaigns, "years": years}

    return build()


def _number(value, low=1, high=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    if number < low or (high is not None and number > high):
        return None
    return number


@dataclass
class Slice:
    """One page of a list, without counting the whole list (no COUNT query)."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_next or self.has_previous

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def page_of(queryset, number, size):
    start = (number - 1) * size
    items = list(queryset[start : start + size + 1])
    return Slice(items[:size], number, len(items) > size)


def press_room_context(index_page, request):
    choices = room_choices(index_page)
    campaigns = {c.translation_key: c for c in choices["campaigns"]}
    by_slug = {c.slug: c for c in choices["campaigns"]}
    selected_campaign = by_slug.get(request.GET.get("campaign", ""))
    selected_year = _number(request.GET.get("year"), 1900, 2999)

    releases = visible_releases().filter(locale_id=index_page.locale_id).child_of(index_page)
    coverage = Coverage.objects.select_related("campaign")
    if selected_campaign is not None:
        key = selected_campaign.translation_key
        releases = releases.filter(related_campaign__translation_key=key)
        coverage = coverage.filter(campaign__translation_key=key)
    if selected_year is not None:
        releases = releases.filter(release_date__year=selected_year)
        coverage = coverage.filter(date__year=selected_year)

    releases = releases.select_related("related_campaign").order_by("-release_date", "-pk")
    release_page = page_of(
        releases, _number(request.GET.get("page"), 1, MAX_PAGE) or 1, RELEASES_PER_PAGE
    )
    for release in release_page:
        release.localized_campaign = _localized(release.related_campaign, campaigns)
    coverage_page = page_of(
        coverage.order_by("-date", "-pk"),
        _number(request.GET.get("coverage_page"), 1, MAX_PAGE) or 1,
        COVERAGE_PER_PAGE,
    )
    for item in coverage_page:
        item.localized_campaign = _localized(item.campaign, campaigns)

    # The URL's language prefix is the page's language (saves a locale query).
    language = get_language()
    campaign_key = selected_campaign.translation_key if selected_campaign else None
    filters = {}
    if selected_campaign is not None:
        filters["campaign"] = selected_campaign.slug
    if selected_year is not None:
        filters["year"] = selected_year
    return {
        "releases": release_page,
        "coverage_items": coverage_page,
        # Callables: evaluated only when the cached fragment of the template is rebuilt.
        "media_kits": lambda: media_kits(language, campaign_key),
        "press_contacts": lambda: press_contacts(language),
        "campaign_choices": choices["campaigns"],
        "year_choices": choices["years"],
        "selected_campaign": selected_campaign,
        "selected_year": selected_year,
        "active_filters": filters,
    }


def _localized(page, campaigns):
    if page is None:
        return None
    return campaigns.get(str(page.translation_key), page)


def release_context(release, request):
    """Speakers, gallery, attachments, contacts and the campaign, in the release's language,
    and the campaign's conventions (dates, digits) for the whole page."""
    campaign = link = None
    if release.related_campaign_id:
        # The campaign in the release's language, else the one it names, each only when
        # live and not private (the link is for every visitor); its conventions either way.
        found = {
            page.locale_id == release.locale_id: page
            for page in CampaignPage.objects.live()
            .exclude(restricted())
            .filter(
                Q(translation_key=release.related_campaign.translation_key)
                & Q(locale_id=release.locale_id)
                | Q(pk=release.related_campaign_id)
            )
        }
        link = found.get(True) or found.get(False)
        campaign = link or release.related_campaign.specific
    return {
        "campaign_link": link,
        "speakers": list(release.speakers.all()),
        "gallery": list(
            release.gallery.select_related("image").prefetch_related("image__renditions")
        ),
        "attachments": list(release.attachments.select_related("document")),
        "press_contacts": press_contacts(release.locale.language_code),
        "campaign": campaign,
        # The release of a campaign reads like the campaign: its month names and digits.
        "conventions": campaign.conventions if campaign is not None else None,
    }
