"""People fixtures: the demo campaign while it runs, users in each role, a clean rate limit."""

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from campaigns.models import CampaignPage, PartnerPage
from campaigns.people import roles
from campaigns.tracker import services

DURING_CAMPAIGN = "2020-05-20T10:00:00+01:00"
OFFER_URL = "/{lang}/jesr/offer-help/"


@pytest.fixture(autouse=True)
def _fresh_state(db):
    """A clean rate limit, and no offers but the test's own (the demo leaves one pending)."""
    from campaigns.people.models import Offer

    cache.clear()
    Offer.objects.all().delete()
    yield
    cache.clear()


@pytest.fixture
def running():
    """Today is 20 May 2020: the Tunisia campaign is running."""
    with time_machine.travel(DURING_CAMPAIGN, tick=True):
        yield


@pytest.fixture
def campaign(db):
    return CampaignPage.objects.get(slug="jesr", locale__language_code="ar")


@pytest.fixture
def partner(db):
    return PartnerPage.objects.get(slug="ltdh", locale__language_code="ar")


def make_user(username, role=None, **extra):
    user = get_user_model().objects.create_user(
        username=username, password="pw-Secret-123", email=f"{username}@example.org", **extra
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    return make_user("t-editor", roles.EDITOR)


@pytest.fixture
def moderator(db):
    return make_user("t-moderator", roles.MODERATOR)


@pytest.fixture
def translator(db):
    return make_user("t-translator", roles.TRANSLATOR)


@pytest.fixture
def press_officer(db):
    return make_user("t-press", roles.PRESS_OFFICER)


@pytest.fixture
def partner_staff(partner):
    user = make_user("t-partner", roles.PARTNER_STAFF)
    services.add_member(partner, user)
    return user


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        username="t-admin", password="pw-Secret-123", email="t-admin@example.org"
    )


def valid_offer(**changes):
    data = {
        "kind": "in_kind",
        "category": "food",
        "quantity": "20",
        "unit": "parcel",
        "region": "",
        "name": "Salma B.",
        "name_public": "on",
        "email": "salma@example.net",
        "phone": "+216 71 000 000",
        "message": "Parcels ready on Saturday.",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
