"""The tracker API's addresses that show a page, for the edge purges of its page events."""

from django.urls import reverse


def tracker_api_paths(basename, page):
    """``[list, detail, …]``: the site-absolute paths of the tracker API's router
    ``basename`` (``campaigns/api/urls.py``, e.g. ``"tracker-campaign"``) listing pages and
    showing ``page``: the detail of each of its translations (one query), since the API
    answers for any translation's id with the text of the language asked for. The edge keeps
    their query strings (``?locale=``, ``?page=``) as variants of the address
    (``deploy/varnish/default.vcl``), so one purge of each retires them all."""
    from wagtail.models import Page

    family = Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    details = [reverse(f"{basename}-detail", kwargs={"pk": pk}) for pk in sorted(family)]
    return [reverse(f"{basename}-list"), *details]
