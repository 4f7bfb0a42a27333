"""The region chooser opened from a need, a gift or a delivery of a Moroccan campaign, in
Chromium: it opens on Morocco's regions, its country select on Morocco."""

import datetime

import pytest

from .admin_fixtures import VIEWPORT, log_in, person

pytest_plugins = ["tests.browser.admin_fixtures"]


@pytest.fixture
def morocco(demo_site):
    """A Moroccan campaign beside the demo's Tunisian one, and a need of it."""
    from wagtail.models import Locale

    from campaigns.models import CampaignPage, PartnerPage
    from campaigns.tracker.models import Need, Region

    jesr = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    campaign = CampaignPage(
        title="حملة المغرب",
        slug="maroc",
        country="MA",
        start_date=jesr.start_date,
        end_date=jesr.end_date,
        locale=jesr.locale,
    )
    jesr.get_parent().add_child(instance=campaign)
    campaign.save_revision().publish()
    partner = PartnerPage.objects.get(slug="ltdh", locale=Locale.get_default())
    need = Need.objects.create(
        campaign=campaign,
        partner=partner,
        region=Region.objects.filter(country="MA").order_by("sort_order").first(),
        title="أغطية",
        category=Need._meta.get_field("category").choices[0][0],
        quantity=10,
        deadline=datetime.date(2030, 1, 1),
        locale=Locale.get_default(),
    )
    return campaign, need


def listed_codes(page):
    """The region codes of the chooser's open modal (its code column)."""
    modal = page.locator(".modal")
    modal.locator("table tbody tr").first.wait_for()
    return modal.locator("table tbody tr td:nth-child(2)").all_inner_texts()


def open_chooser(page):
    """Click «choose» (a blank widget) or «choose another» (in the chosen one's menu)."""
    chooser = page.locator("#id_region-chooser")
    if "blank" not in (chooser.get_attribute("class") or ""):
        chooser.locator(".chosen [aria-haspopup], .chosen .w-dropdown__toggle").first.click()
    chooser.locator("[data-chooser-action-choose]:visible").first.click()
    return listed_codes(page)


def test_the_region_chooser_of_a_moroccan_need_lists_moroccan_regions(demo_site, visit, morocco):
    campaign, need = morocco
    person("browser-admin-ma", language="ar")
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="browser-admin-ma").update(
        is_superuser=True, is_staff=True
    )
    tab = visit(viewport=VIEWPORT)
    page = log_in(tab, demo_site, "browser-admin-ma")

    for url in (
        f"{demo_site}/admin/snippets/tracker/need/edit/{need.pk}/",
        f"{demo_site}/admin/snippets/tracker/need/add/",
    ):
        page.goto(url)
        if url.endswith("/add/"):
            page.select_option("#id_campaign", str(campaign.pk))
        codes = open_chooser(page)
        assert codes and all(code.strip().startswith("MA") for code in codes), (url, codes)
        country = page.locator(".modal select[name=country]")
        assert country.input_value() == "MA", url
        # A search keeps to Morocco.
        page.locator(".modal input[name=q]").fill("ا")
        page.wait_for_timeout(800)
        codes = listed_codes(page)
        assert codes and all(code.strip().startswith("MA") for code in codes), (url, codes)
