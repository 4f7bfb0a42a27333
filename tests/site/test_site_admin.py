"""An editor creates a campaign for another country from the admin alone; bad dates are refused."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def campaign_form(**fields):
    data = {
        "title": "حملة المغرب",
        "slug": "morocco",
        "country": "MA",
        "start_date": "2026-01-10",
        "end_date": "2026-02-10",
        "summary": "حملة تجريبية",
        "promo_video": streamfield([]),
        "body": streamfield([]),
        "campaign_partners": inline_formset([]),
        "giving_channels": inline_formset(
            [
                {
                    "kind": "drop_off",
                    "name": "مقر الجمعية",
                    "address": "الرباط",
                    "opening_hours": "9:00-17:00",
                }
            ]
        ),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(demo):
    return reverse("wagtailadmin_pages:add", args=("campaigns", "campaignpage", demo["home"].pk))


def test_editor_publishes_a_campaign_for_another_country(admin_client, demo):
    assert admin_client.get(add_url(demo)).status_code == 200
    response = admin_client.post(add_url(demo), campaign_form())
    assert response.status_code == 302
    campaign = CampaignPage.objects.get(slug="morocco")
    assert campaign.live and campaign.get_country_display()
    html = admin_client.get("/ar/morocco/").content.decode()
    assert "حملة المغرب" in html and "الرباط" in html
    appeal_add = reverse("wagtailadmin_pages:add", args=("campaigns", "appealpage", campaign.pk))
    assert admin_client.get(appeal_add).status_code == 200


def test_end_before_start_is_a_form_error_and_nothing_is_saved(admin_client, demo):
    before = CampaignPage.objects.count()
    response = admin_client.post(
        add_url(demo), campaign_form(start_date="2026-03-01", end_date="2026-02-01")
    )
    assert response.status_code == 200
    with translation.override("ar"):  # the admin speaks the editor's language (Arabic here)
        message = gettext("The end date must not be before the start date.")
    assert message != "The end date must not be before the start date."
    assert escape(message) in response.content.decode()
    assert CampaignPage.objects.count() == before


def test_appeal_cannot_be_added_under_the_home_page(admin_client, demo):
    url = reverse("wagtailadmin_pages:add", args=("campaigns", "appealpage", demo["home"].pk))
    response = admin_client.get(url)
    assert response.status_code in (302, 403)
