"""Language alternates for the switcher, hreflang links and canonical URL."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home.site_chrome import chrome_pages

register = template.Library()


@dataclass
class Alternate:
    code: str
    name: str
    url: str  # absolute URL of this language's version
    exists: bool  # False: the page has no translation here; url is that language's home
    current: bool
    direction: str = "ltr"  # of the language's name in the switcher ("rtl" for Arabic)
    switch_url: str = ""  # url with the current query string (filters), for the switcher
    short: str = ""  # the name on a phone, where the header is one row


# On a phone the switcher shows these (its full names do not fit beside the brand and the menu).
SHORT_NAMES = {"ar": "عربي", "fr": "FR", "en": "EN"}


def _language_homes(request):
    """Absolute URL of each language's home page."""
    return {code: request.build_absolute_uri(f"/{code}/") for code, _name in settings.LANGUAGES}


def _routed_view(request):
    """True on a view that is not a Wagtail page (needs, offer form, search): its alternates
    are its own address in each language, even when it shows a page's chrome."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


def compute_alternates(request, page=None):
    """One entry per site language, memoised on the request (header and <head> share it).

    A Wagtail page's alternates are its live translations; a routed view's (``/ar/jesr/needs/``)
    are the same route in each language. ``switch_url`` adds the query string (filters, a
    search) so the language switcher keeps the visitor's place; ``url`` (canonical, hreflang)
    never carries it.
    """
    cached = getattr(request, "_portal_alternates", None)
    if cached is not None:
        return cached
    current = get_language()
    homes = _language_homes(request)
    urls = {}
    if _routed_view(request) or not (isinstance(page, Page) and page.pk):
        # A Wagtail address with no page is a 404: no alternates, the switcher goes home.
        if _routed_view(request):
            for code, _name in settings.LANGUAGES:
                translated = translate_url(request.path, code)
                if translated != request.path or code == current:
                    urls[code] = request.build_absolute_uri(translated)
    else:
        if page.depth and page.depth >= 2:
            translations = chrome_pages(request, page).translations  # with the menu's query
        else:
            translations = page.get_translations(inclusive=True).live().select_related("locale")
        for translation in translations:
            url = translation.get_url(request)
            if url:
                urls[translation.locale.language_code] = request.build_absolute_uri(url)
    query = request.META.get("QUERY_STRING", "")
    alternates = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code, homes[code])
        alternates.append(
            Alternate(
                code=code,
                name=name,
                url=url,
                exists=code in urls,
                current=code == current,
                direction="rtl" if get_language_info(code)["bidi"] else "ltr",
                switch_url=f"{url}?{query}" if query and code in urls else url,
                short=SHORT_NAMES.get(code, code.upper()),
            )
        )
    request._portal_alternates = alternates
    return alternates


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None):
    request = context.get("request")
    if request is None:
        return []
    return compute_alternates(request, page or context.get("page"))


@register.simple_tag
def x_default_url(alternates):
    """The source-language (Arabic) version when it exists, else the first that does."""
    existing = [a for a in alternates if a.exists]
    for alternate in existing:
        if alternate.code == settings.LANGUAGE_CODE:
            return alternate.url
    return existing[0].url if existing else ""


@register.simple_tag(takes_context=True)
def canonical_url(context, alternates):
    for alternate in alternates:
        if alternate.current and alternate.exists:
            return alternate.url
    request = context["request"]
    return request.build_absolute_uri(request.path)
