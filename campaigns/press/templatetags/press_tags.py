"""Press room template tags: feed links for <head>, coverage on a campaign, JSON-LD Event."""

import json

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns.press.models import Coverage

register = template.Library()

CAMPAIGN_COVERAGE_LIMIT = 10


@register.simple_tag(takes_context=True)
def press_feeds(context):
    """The four feeds of the visitor's language as (type, title, absolute URL); no query."""
    request = context.get("request")
    if request is None or get_language() not in dict(settings.LANGUAGES):
        return []
    feeds = [
        ("application/rss+xml", _("Press releases (RSS)"), "press:releases_rss"),
        ("application/atom+xml", _("Press releases (Atom)"), "press:releases_atom"),
        ("application/rss+xml", _("Media coverage (RSS)"), "press:coverage_rss"),
        ("application/atom+xml", _("Media coverage (Atom)"), "press:coverage_atom"),
    ]
    try:
        return [
            (kind, title, request.build_absolute_uri(reverse(name))) for kind, title, name in feeds
        ]
    except NoReverseMatch:
        return []


@register.simple_tag
def campaign_coverage(campaign, limit=CAMPAIGN_COVERAGE_LIMIT):
    """The latest coverage of a campaign in any language of the site (one query)."""
    if campaign is None or not getattr(campaign, "translation_key", None):
        return []

    return list(
        Coverage.objects.filter(campaign__translation_key=campaign.translation_key).order_by(
            "-date", "-pk"
        )[:limit]
    )


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


@register.simple_tag(takes_context=True)
def event_json_ld(context, release, speakers=(), gallery=()):
    """A schema.org ``Event`` for a press-conference release, as a <script> element."""
    if not release.event_start:
        return ""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": release.title,
        "description": release.summary,
        "startDate": _iso(release.event_start),
        "endDate": _iso(release.event_end or release.event_start),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": release.locale.language_code,
        "location": {
            "@type": "Place",
            "name": release.venue or release.place,
            "address": release.venue_address or release.place,
        },
        "performer": [
            {"@type": "Person", "name": speaker.name, "jobTitle": speaker.role}
            for speaker in speakers
        ],
    }
    if request is not None:
        data["url"] = release.get_full_url(request)
        images = [request.build_absolute_uri(photo.image.file.url) for photo in gallery]
        if images:
            data["image"] = images
    organiser = context.get("organisation_name")
    if organiser:
        data["organizer"] = {"@type": "Organization", "name": organiser}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # JSON inside <script>: these characters must not close the element or start markup.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
