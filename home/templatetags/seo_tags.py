"""Sharing and finding: Open Graph / Twitter cards, JSON-LD and share links (no third-party JS)."""

import json
from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home import structured_data
from home.models import SiteSettings
from home.renditions import prefetch_renditions

from .portal_tags import compute_alternates

register = template.Library()

SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"
OG_LOCALES = {"ar": "ar_AR", "fr": "fr_FR", "en": "en_US"}


def page_description(page):
    """The page's sharing description: its search description, else its summary or tagline."""
    if page is None:
        return ""
    for attr in ("search_description", "summary", "tagline", "quote"):
        text = getattr(page, attr, "")
        if text:
            return strip_tags(str(text))[:300]
    return ""


def site_description():
    """What the whole site is, for pages and views without a description of their own."""
    return _(
        "Community solidarity campaigns: what is needed where, how to give, and how the aid "
        "reaches the people entitled to it."
    )


@register.simple_tag(takes_context=True)
def meta_description(context, text=""):
    """The page's description (``text``, else its own, else the site's), under 300 characters."""
    return (strip_tags(str(text)) or page_description(context.get("page")) or site_description())[
        :300
    ]


def social_image(request, page):
    """(absolute URL, width, height) of the sharing image, memoised on the request."""
    if hasattr(request, "_portal_social_image"):
        return request._portal_social_image
    image = page.get_social_image() if hasattr(page, "get_social_image") else None
    if image is None:
        image = SiteSettings.for_request(request).default_social_image
    # The page's other pictures of the <head> (JSON-LD's video thumbnails) and story come in
    # the same lookup: one query on an empty cache instead of one per image.
    shown = page.shown_pictures() if hasattr(page, "shown_pictures") else []
    prefetch_renditions([(image, [SOCIAL_IMAGE_SPEC]), *shown])
    result = None
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
        result = (request.build_absolute_uri(rendition.url), rendition.width, rendition.height)
    request._portal_social_image = result
    return result


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context):
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    alternates = compute_alternates(request, page)
    current = get_language()
    url = next((a.url for a in alternates if a.current and a.exists), None)
    title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page else ""
    return {
        "title": title or str(settings.PORTAL_TAGLINE),
        "description": page_description(page),
        "url": url or request.build_absolute_uri(request.path),
        "image": social_image(request, page) if page is not None else None,
        "type": "website" if type(page).__name__ == "HomePage" else "article",
        "site_name": str(settings.PORTAL_TAGLINE),  # the header's name, in the page's language
        "locale": OG_LOCALES.get(current, current),
        "locale_alternates": [
            OG_LOCALES.get(a.code, a.code) for a in alternates if a.exists and not a.current
        ],
    }


@register.simple_tag(takes_context=True)
def json_ld(context):
    """A <script type="application/ld+json"> for the page, or nothing."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None or not hasattr(page, "locale_id"):
        return ""
    graph = structured_data.for_page(request, page, social_image(request, page))
    if not graph:
        return ""
    payload = json.dumps(
        {"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, default=str
    )
    # Escape what could close the script element or open a comment.
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context):
    """Plain share links (no third-party script, nothing loaded until clicked)."""
    request, page = context.get("request"), context.get("page")
    url = (
        request.build_absolute_uri(page.get_url(request)) if page else request.build_absolute_uri()
    )
    title = getattr(page, "title", "")
    u, t = quote(url, safe=""), quote(title, safe="")
    text = quote(f"{title} {url}", safe="")
    return {
        "url": url,
        "links": [
            ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
            ("x", "X", f"https://twitter.com/intent/tweet?url={u}&text={t}"),
            ("whatsapp", "WhatsApp", f"https://wa.me/?text={text}"),
            ("telegram", "Telegram", f"https://t.me/share/url?url={u}&text={t}"),
        ],
        "mailto": f"mailto:?subject={t}&body={u}",
    }
