"""The admin's amount and quantity fields read numbers as people type them (issue #19): a
French ``123,45``, an Arabic ``١٢٣,٤٥٠`` or ``١٢٣٫٤٥`` with ``٬`` or no-break spaces between
thousands; a number that can be read two ways is an error next to its field, in the
user's language, and nothing is saved."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from campaigns.tracker.models import Contribution


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def need_form(campaign, partner, region, quantity):
    return {
        "campaign": campaign.pk, "partner": partner.pk, "region": region.pk,
        "title": "بطانيات", "description": "", "category": "other", "quantity": quantity,
        "unit": "item", "currency": "", "urgency": "high", "deadline": "", "status": "open",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [
        ("ar", "١٢٣,٤٥٠", Decimal("123.45")),
        ("ar", "١٢٣٫٤٥", Decimal("123.45")),
        ("ar", "١٬٢٣٤٫٥", Decimal("1234.5")),
        ("fr", "123,45", Decimal("123.45")),
        ("fr", "1\u202f234,5", Decimal("1234.5")),
        ("fr", "1\u00a0234,5", Decimal("1234.5")),
    ],
)
def test_a_need_quantity_as_typed(
    partner_client, member, campaign, partner, kasserine, language, typed, stored
):
    speaks(member, language)
    response = partner_client.post(
        reverse("wagtailsnippets_tracker_need:add"),
        need_form(campaign, partner, kasserine, typed),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert campaign.needs.get(title="بطانيات").quantity == stored


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ar", "يمكن قراءة «1,500» بطريقتين"),
        ("en", "“1,500” can be read two ways: write 1.500 for a decimal number"),
    ],
)
def test_an_ambiguous_quantity_is_an_error_next_to_the_field(
    partner_client, member, campaign, partner, kasserine, language, message
):
    speaks(member, language)
    response = partner_client.post(
        reverse("wagtailsnippets_tracker_need:add"),
        need_form(campaign, partner, kasserine, "1,500"),
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["quantity"])
    assert message.replace("«", "&laquo;") in response.content.decode() or message in (
        response.content.decode()
    )
    assert not campaign.needs.filter(title="بطانيات").exists()


def test_a_cash_gift_amount_in_the_french_admin(partner_client, member, campaign, partner):
    speaks(member, "fr")
    response = partner_client.post(
        reverse("wagtailsnippets_tracker_contribution:add"),
        {
            "campaign": campaign.pk, "partner": partner.pk, "need": "", "kind": "cash",
            "amount": "1\u202f500,250", "currency": "TND", "quantity": "", "unit": "",
            "status": "pledged", "donor_name": "", "donor_contact": "", "reference": "FR-1",
            "note": "",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors
    assert Contribution.objects.get(reference="FR-1").amount == Decimal("1500.25")
