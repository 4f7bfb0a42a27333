"""JSON-LD for search engines: the organisation, a campaign and its videos (schema.org)."""

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.translation import get_language

from home.models import SiteSettings


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def organisation(request, home=None):
    """The organisation running the platform, as a schema.org NGO."""
    settings = SiteSettings.for_request(request)
    data = {
        "@type": "NGO",
        "name": settings.organisation_name or (home.title if home else ""),
        "url": absolute(request, home.get_url(request) if home else "/"),
        "logo": absolute(request, static("img/logo.svg")),
    }
    links = [url for _name, url in settings.social_links]
    if links:
        data["sameAs"] = links
    if settings.contact_email:
        data["email"] = settings.contact_email
    return data


def video_object(request, page, value):
    """A schema.org VideoObject for one video block value."""
    poster = value.get("poster")
    data = {
        "@type": "VideoObject",
        "name": value.get("title"),
        "description": strip_tags(str(value.get("transcript") or ""))[:300]
        or page.search_description
        or page.title,
        "inLanguage": get_language(),
        "uploadDate": (page.first_published_at or page.latest_revision_created_at).isoformat()
        if (page.first_published_at or page.latest_revision_created_at)
        else None,
    }
    if poster is not None:
        data["thumbnailUrl"] = absolute(request, value.poster_rendition().url)
    media = value.get("video")
    if media is not None:
        data["contentUrl"] = absolute(request, media.url)
        if media.duration:
            data["duration"] = f"PT{int(media.duration)}S"
    elif value.get("embed_url"):
        data["embedUrl"] = value.player() or value.get("embed_url")
    if value.get("transcript"):
        data["transcript"] = strip_tags(str(value.get("transcript")))
    return {k: v for k, v in data.items() if v is not None}


def videos(request, page, stream):
    return [video_object(request, page, child.value) for child in stream or []]


def campaign(request, page, image=None):
    """A campaign as a schema.org Event run by the organisation, with its clip.

    ``image`` is the (url, width, height) of the page's sharing image, already computed.
    """
    data = {
        "@type": "Event",
        "name": page.title,
        "description": page.summary or page.search_description,
        "startDate": page.start_date.isoformat(),
        "endDate": page.end_date.isoformat(),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {
            "@type": "Country",
            "name": page.get_country_display(),
            "identifier": page.country,
        },
        "url": absolute(request, page.get_url(request)),
        "inLanguage": get_language(),
        "organizer": organisation(request),
    }
    if image:
        data["image"] = image[0]
    return [data, *videos(request, page, page.promo_video)]


def for_page(request, page, image=None):
    """The JSON-LD graph for a page: a list of schema.org objects (possibly empty)."""
    kind = type(page).__name__
    if kind == "HomePage":
        return [organisation(request, page)]
    if kind == "CampaignPage":
        return campaign(request, page, image)
    if kind == "AppealPage":
        return videos(request, page, page.video)
    return []
