"""The person recording a delivery ticks «I confirm this delivery» on it (fresh-eyes trial):
the tick was ignored without a word (saved as awaiting confirmation). It is refused next to
the box, in the reader's language, and nothing is saved."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from campaigns.tracker.models import Delivery

from .conftest import gift, partner_group

CONFIRM_REFUSED = (
    "The person who recorded a delivery, or last changed its figures, cannot confirm it: "
    "another person of the organisation must."
)


def confirm_errors(html):
    """The errors shown next to the «confirm» box (Wagtail's field errors), spaces collapsed."""
    match = re.search(
        r'data-contentpath="confirm">\s*<div class="w-field__errors"(.*?)</div>', html, re.S
    )
    return " ".join(match.group(1).split()) if match else ""


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_recorder_cannot_confirm_their_own_delivery(client, member, need, language):
    member.groups.add(partner_group("Partner staff (confirm)"))
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = language
    profile.save()
    client.force_login(member)
    gift(need, quantity="50")

    response = client.post(
        reverse("wagtailsnippets_tracker_delivery:add"),
        {"need": need.pk, "partner": need.partner_id, "quantity": "20",
         "delivered_on": "2020-05-20", "households_reached": "20", "override_reason": "",
         "reference": "", "note": "", "confirm": "on"},
    )  # fmt: skip

    assert response.status_code == 200
    with translation.override(language):
        expected = gettext(CONFIRM_REFUSED)
    assert expected != CONFIRM_REFUSED  # translated
    print(confirm_errors(response.text))
    assert " ".join(escape(expected).split()) in confirm_errors(response.text)
    assert not Delivery.objects.filter(need=need).exists()
