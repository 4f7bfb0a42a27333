"""Page-type rules, and every page type renders and previews in Arabic, French and English."""

import pytest
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import (
    AppealPage,
    CampaignPage,
    PartnerIndexPage,
    PartnerPage,
    StandardPage,
)
from campaigns.press.models import PressIndexPage
from home.models import HomePage

from .conftest import LANGUAGES, in_language


class TestPageTypeRules(WagtailPageTestCase):
    def test_campaigns_live_under_the_home_page_and_hold_appeals(self):
        self.assertCanCreateAt(HomePage, CampaignPage)
        self.assertCanCreateAt(CampaignPage, AppealPage)
        self.assertAllowedSubpageTypes(CampaignPage, {AppealPage})
        self.assertAllowedParentPageTypes(CampaignPage, {HomePage})

    def test_an_appeal_only_lives_under_a_campaign(self):
        self.assertAllowedParentPageTypes(AppealPage, {CampaignPage})
        self.assertAllowedSubpageTypes(AppealPage, set())
        for parent in (HomePage, StandardPage, PartnerIndexPage, PressIndexPage):
            self.assertCanNotCreateAt(parent, AppealPage)

    def test_partners_live_in_the_partner_index(self):
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertCanNotCreateAt(HomePage, PartnerPage)
        self.assertCanNotCreateAt(CampaignPage, PartnerPage)

    def test_standard_pages_nest(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, CampaignPage)


def demo_sources():
    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    return [
        HomePage.objects.get(locale__language_code="ar"),
        campaign,
        AppealPage.objects.get(slug="lotfi-bouchnak", locale__language_code="ar"),
        PartnerIndexPage.objects.get(locale__language_code="ar"),
        PartnerPage.objects.filter(locale__language_code="ar").first(),
        StandardPage.objects.get(slug="about", locale__language_code="ar"),
    ]


class TestEveryPageTypeInEveryLanguage(WagtailPageTestCase):
    def test_renders_and_previews(self):
        for source in demo_sources():
            for code in LANGUAGES:
                page = in_language(source, code).specific
                with self.subTest(page=type(page).__name__, language=code):
                    self.assertPageIsRenderable(page)
                    # The preview the admin shows (page.serve_preview with is_preview set).
                    response = page.make_preview_request()
                    self.assertEqual(response.status_code, 200)
                    html = response.content.decode()
                    self.assertIn(f'<html lang="{code}"', html)
                    self.assertIn(escape(page.title), html)

    def test_admin_preview_of_source_pages(self):
        # Pages without StreamFields: their edit form can be replayed as is. Translations are
        # edited in wagtail-localize's editor, so they are covered by the test above.
        for source in demo_sources():
            if type(source) in (HomePage, PartnerIndexPage, PartnerPage):
                with self.subTest(page=type(source).__name__):
                    self.assertPageIsPreviewable(source)


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_speak_their_language(client, site_pages, code):
    appeal = in_language(site_pages["appeal"], code)
    html = client.get(appeal.url).content.decode()
    assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html
    assert appeal.person_name in html
    assert {"ar": "لطفي بوشناق", "fr": "Lotfi Bouchnak", "en": "Lotfi Bouchnak"}[code] in html
