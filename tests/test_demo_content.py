"""The demo content command: idempotent, trilingual, real linked translations."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from campaigns.demo import facts
from campaigns.models import CampaignPage, PartnerPage

pytestmark = pytest.mark.django_db


def test_running_twice_changes_nothing(demo):
    before = Page.objects.count()
    revisions = {p.pk: p.latest_revision_id for p in Page.objects.all()}
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert Page.objects.count() == before
    assert {p.pk: p.latest_revision_id for p in Page.objects.all()} == revisions
    assert "already present" in out.getvalue()


def test_french_campaign_is_a_translation_with_french_text(demo):
    arabic, french = demo["campaign"], demo["campaign_fr"]
    assert french.translation_key == arabic.translation_key
    assert french.locale.language_code == "fr"
    assert french.title == facts.CAMPAIGN_TITLE[1]
    assert french.summary == facts.CAMPAIGN_SUMMARY[1]
    assert french.summary != arabic.summary
    assert french.url_path.endswith("/jesr/")


def test_eight_partners_in_each_language():
    for code in ("ar", "fr", "en"):
        assert PartnerPage.objects.live().filter(locale__language_code=code).count() == 8
    assert CampaignPage.objects.get(locale__language_code="en").title == "Bridge of Love – Tunisia"


def test_campaign_dates_come_from_the_seed(demo):
    campaign = demo["campaign"]
    assert (campaign.start_date.isoformat(), campaign.end_date.isoformat()) == (
        "2020-05-15",
        "2020-05-30",
    )
    assert campaign.country == "TN"
