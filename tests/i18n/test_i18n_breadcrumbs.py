"""The admin's breadcrumbs follow the reader's language (issue 28): a French reader's
tracker listings showed «الرئيسية» in their collapsed breadcrumb, the «Home» Wagtail wrote
once, in the language active when the admin's URLs were loaded (Arabic, the default).

The viewsets are every model viewset (snippets included) registered in the admin."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from .test_i18n_add_buttons import VIEWSETS


def crumbs_made_in_arabic_read_in(viewset, language):
    """The breadcrumbs the viewset hands its views when the admin's URLs load (here under
    Arabic, as in a process started with the default language), read in ``language``."""
    with translation.override("ar"):
        kwargs = viewset.get_common_view_kwargs()
        items = kwargs.get("breadcrumbs_items", viewset.index_view_class.breadcrumbs_items)
    with translation.override(language):
        return [str(item["label"]) for item in items]


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model._meta.label)
def test_a_listings_breadcrumbs_are_in_the_readers_language(viewset):
    french = crumbs_made_in_arabic_read_in(viewset, "fr")
    assert french and french[0] == "Accueil", french
    assert not any(re.search(r"[\u0600-\u06ff]", label) for label in french), french
    assert crumbs_made_in_arabic_read_in(viewset, "ar")[0] == "الرئيسية"


def test_the_needs_listing_breadcrumb_reads_home_in_french(admin_speaking):
    from campaigns.tracker.models import Need

    html = admin_speaking("fr").get(reverse(Need.snippet_viewset.get_url_name("list")))
    crumbs = html.content.decode().split("data-w-breadcrumbs", 1)[1].split("</nav>")[0]
    assert "Accueil" in crumbs
    assert not re.search(r"[\u0600-\u06ff]", crumbs), crumbs


def test_the_breadcrumbs_workaround_is_still_needed():
    """portal/wagtail_breadcrumbs.py replaces Wagtail 8.0's SnippetViewSet.breadcrumbs_items;
    on an upgrade, check whether Wagtail still translates them eagerly."""
    import wagtail

    from portal import wagtail_breadcrumbs

    assert wagtail.__version__.startswith(wagtail_breadcrumbs.PATCHED_FOR)
