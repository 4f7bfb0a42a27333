"""An offer's page names the people on it by their full name («Décision prise par Amal
Ben Salah»), their username only when they gave no name; and the French admin speaks of
«décision» on an offer, not «tranchée» (every French message of the people app)."""

from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from campaigns.people.admin_views import OfferInspectView
from campaigns.people.models import Offer

from .test_people_offer_decisions import an_offer, inspect_url

pytestmark = pytest.mark.django_db

USER_FIELDS = [
    name
    for name in OfferInspectView.fields
    if getattr(Offer._meta.get_field(name), "related_model", None) is get_user_model()
]


def test_the_offer_page_shows_people():
    assert USER_FIELDS


@pytest.mark.parametrize("field_name", USER_FIELDS)
@pytest.mark.parametrize(
    ("names", "shown"), [(("Amal", "Ben Salah"), "Amal Ben Salah"), (("", ""), "t-partner")]
)
def test_a_person_is_shown_by_their_full_name(
    client, campaign, partner_staff, field_name, names, shown
):
    partner_staff.first_name, partner_staff.last_name = names
    partner_staff.save()
    offer = an_offer(campaign)
    Offer.objects.filter(pk=offer.pk).update(**{field_name: partner_staff})
    client.force_login(partner_staff)
    page = client.get(inspect_url(offer)).content.decode()
    assert shown in page
    if names[0]:
        assert "t-partner" not in page.replace(reverse("wagtailadmin_account"), "")


def test_no_french_message_of_the_people_app_says_tranchee():
    po = Path(apps.get_app_config("people").path) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    odd = [e.msgid for e in polib.pofile(str(po)) if "tranch" in e.msgstr.lower()]
    assert not odd
