"""sitemap.xml: every live public page in every language, each with its hreflang alternates,
and each campaign's needs page (a view, not a page) beside its campaign."""

from collections import defaultdict

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site


def sitemap_entries(request):
    """One entry per page URL: its address, last change and the addresses of its translations."""
    site = Site.find_for_request(request)
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    if site is not None:
        # Every locale's home page is a sibling of the site root: take the whole level.
        pages = pages.filter(path__startswith=site.root_page.path[: Page.steplen])
    groups = defaultdict(list)
    for page in pages.order_by("path"):
        url = page.get_url(request)
        if url:
            # Absolute on the host the sitemap was asked on, like the pages' own alternates.
            groups[page.translation_key].append((page, request.build_absolute_uri(url)))
            needs_url = _needs_url(page)
            if needs_url:
                groups[("needs", page.translation_key)].append(
                    (page, request.build_absolute_uri(needs_url))
                )
    entries = []
    order = [code for code, _name in settings.LANGUAGES]
    for versions in groups.values():
        versions.sort(key=lambda item: order.index(item[0].locale.language_code))
        alternates = [(p.locale.language_code, url) for p, url in versions]
        x_default = next(
            (url for code, url in alternates if code == settings.LANGUAGE_CODE),
            alternates[0][1],
        )
        for page, url in versions:
            entries.append(
                {
                    "location": url,
                    "lastmod": page.last_published_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                    "x_default": x_default,
                }
            )
    entries.sort(key=lambda entry: entry["location"])
    return entries


def _needs_url(page):
    """The needs page of a campaign page, in the page's language; None for other pages."""
    if page.specific_class is None or page.specific_class.__name__ != "CampaignPage":
        return None
    with translation.override(page.locale.language_code):
        try:
            return reverse("tracker:needs", kwargs={"campaign_slug": page.slug})
        except NoReverseMatch:
            return None


# Kept at the edge like a page (portal.cache_headers) and purged with every page event
# (EDGE_SITE_LISTINGS): a page made private left it for an hour.
@require_safe
def sitemap(request):
    return TemplateResponse(
        request,
        "home/sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )
