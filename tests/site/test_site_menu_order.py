"""The header's menu lists the campaigns together, before the other sections, in every
language: a campaign added later under the home page came last, after «كيف تساهم» (how to
give) and «عن المنصة» (about), because menus followed the page tree."""

import re

import pytest
import time_machine
from wagtail.models import Page

from campaigns.models import StandardPage
from tests.factories import CampaignFactory

from .conftest import LANGUAGES, in_language

pytestmark = pytest.mark.django_db


def menu_links(client, language, path=""):
    """The hrefs of the wide-screen menu bar on ``language``'s page at ``path`` (the home
    page by default), in order."""
    html = client.get(f"/{language}/{path}").content.decode()
    bar = re.search(r'<ul class="main-menu__bar">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"', bar)


def url(page, language):
    return in_language(page, language).relative_url(None)


def standard(slug):
    return StandardPage.objects.get(slug=slug, locale__language_code="ar")


@pytest.fixture
def morocco(demo):
    """A campaign created after the demo's pages: the home page's last child."""
    campaign = CampaignFactory(
        slug="morocco", country="MA", title="حملة المغرب", show_in_menus=True
    )
    assert Page.objects.get(pk=campaign.pk).get_next_siblings().count() == 0
    return campaign


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_later_campaign_is_listed_with_the_first_before_the_other_sections(
    client, demo, morocco, language
):
    links = menu_links(client, language)
    campaigns = {url(demo["campaign"], language), url(morocco, language)}
    assert set(links[:2]) == campaigns, links
    for slug in ("how-to-give", "about"):
        assert links.index(url(standard(slug), language)) > 1, links


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_other_sections_keep_the_editors_order(client, demo, morocco, language):
    home = in_language(demo["home"], language)
    tree = [
        page.relative_url(None)
        for page in home.get_children().live().in_menu()
        if page.specific_class.__name__ != "CampaignPage"
    ]
    links = menu_links(client, language)
    assert links[2:-1] == tree, links


def test_a_running_campaign_comes_before_an_upcoming_and_a_closed_one(client, demo, morocco):
    # 20 May 2020: the Tunisian campaign runs, Morocco's starts in 2027.
    with time_machine.travel("2020-05-20T10:00:00+01:00", tick=False):
        running = menu_links(client, "ar")[:2]
    assert running == [url(demo["campaign"], "ar"), url(morocco, "ar")]
    upcoming_first = menu_links(client, "ar")[:2]
    assert upcoming_first == [url(morocco, "ar"), url(demo["campaign"], "ar")]


def test_the_search_page_lists_the_campaigns_first_too(client, demo, morocco):
    links = menu_links(client, "fr", "search/")
    assert set(links[:2]) == {url(demo["campaign"], "fr"), url(morocco, "fr")}, links
