"""A contribution added in the admin for a need takes the need's campaign when the campaign
is left empty; a campaign that is not the need's is an error next to the campaign field."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from campaigns.tracker.models import Contribution

pytestmark = pytest.mark.django_db


def gift(campaign, partner, need, reference):
    return {
        "campaign": campaign.pk if campaign else "", "partner": partner.pk, "need": need.pk,
        "kind": "in_kind", "amount": "", "currency": "", "quantity": "20", "unit": "parcel",
        "status": "pledged", "donor_name": "", "donor_contact": "", "reference": reference,
        "note": "",
    }  # fmt: skip


@pytest.fixture
def arabic_member(member):
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "ar"
    profile.save()
    return member


def test_a_need_without_a_campaign_takes_the_needs_campaign(
    partner_client, arabic_member, partner, need
):
    response = partner_client.post(
        reverse("wagtailsnippets_tracker_contribution:add"), gift(None, partner, need, "AR-1")
    )
    assert response.status_code == 302, response.context["form"].errors
    contribution = Contribution.objects.get(reference="AR-1")
    assert (contribution.campaign_id, contribution.need_id) == (need.campaign_id, need.pk)


def test_a_campaign_that_is_not_the_needs_is_an_error_on_the_campaign(
    partner_client, arabic_member, partner, need, demo_campaign
):
    response = partner_client.post(
        reverse("wagtailsnippets_tracker_contribution:add"),
        gift(demo_campaign, partner, need, "AR-2"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["campaign"], errors
    assert "هذا الاحتياج تابع لحملة أخرى" in " ".join(errors["campaign"])
    assert not Contribution.objects.filter(reference="AR-2").exists()


def test_neither_need_nor_campaign_still_asks_for_the_campaign(
    partner_client, arabic_member, partner, need
):
    data = gift(None, partner, need, "AR-3") | {"need": ""}
    response = partner_client.post(reverse("wagtailsnippets_tracker_contribution:add"), data)
    assert response.status_code == 200
    assert "campaign" in response.context["form"].errors
    assert not Contribution.objects.filter(reference="AR-3").exists()


def test_a_gift_in_kind_left_without_a_unit_takes_the_needs(
    partner_client, arabic_member, partner, need
):
    """As a cash gift takes the need's currency (fifth trial: «اختاروا وحدة الكمية.»)."""
    data = gift(need.campaign, partner, need, "AR-4") | {"unit": ""}
    response = partner_client.post(reverse("wagtailsnippets_tracker_contribution:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert Contribution.objects.get(reference="AR-4").unit == need.unit


def test_a_gift_in_kind_without_need_or_unit_still_asks_for_the_unit(
    partner_client, arabic_member, partner, need
):
    data = gift(need.campaign, partner, need, "AR-5") | {"unit": "", "need": ""}
    response = partner_client.post(reverse("wagtailsnippets_tracker_contribution:add"), data)
    assert response.status_code == 200
    assert "اختاروا وحدة الكمية." in response.context["form"].errors["unit"]
    assert not Contribution.objects.filter(reference="AR-5").exists()
