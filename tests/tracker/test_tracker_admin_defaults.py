"""Partner staff open a blank need, gift or delivery with their own organisation already
chosen (they act for exactly one); staff, who act for every partner, choose it themselves.
On a campaign day, a blank need or gift starts in the one running campaign."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client

from campaigns.people import roles
from tests.factories import CampaignFactory, need_for

pytestmark = pytest.mark.django_db

FORMS = ["need", "contribution", "delivery"]


def selected(user, url, name):
    """The values selected in the ``name`` select of the admin page at ``url``."""
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    select = re.search(rf'<select name="{name}".*?</select>', response.content.decode(), re.S)
    assert select, url
    return re.findall(r'<option value="(\d+)"[^>]*\bselected\b', select.group(0))


def selected_partner(user, model):
    return selected(user, f"/admin/snippets/tracker/{model}/add/", "partner")


def selected_campaign(user, model):
    return selected(user, f"/admin/snippets/tracker/{model}/add/", "campaign")


@pytest.mark.parametrize("model", FORMS)
def test_partner_staff_find_their_organisation_chosen(member, partner, model):
    member.groups.add(Group.objects.get(name=roles.PARTNER_STAFF))
    assert selected_partner(member, model) == [str(partner.pk)]


@pytest.mark.parametrize("model", FORMS)
def test_staff_choose_the_partner_themselves(staff, model):
    staff.groups.add(Group.objects.get(name=roles.EDITOR))
    staff.is_superuser = True
    staff.save()
    assert selected_partner(staff, model) == []


# --- The campaign on a campaign day ---------------------------------------------------

# 20 May 2027, midday in Tunis; the demo campaign (May 2020) is long closed.
CAMPAIGN_DAY = datetime.datetime(2027, 5, 20, 11, tzinfo=datetime.UTC)
RUNNING = {"start_date": datetime.date(2027, 5, 15), "end_date": datetime.date(2027, 5, 31)}
CLOSED = {"start_date": datetime.date(2027, 5, 1), "end_date": datetime.date(2027, 5, 10)}
ENTRY_FORMS = ["need", "contribution"]


@pytest.fixture
def campaign_day():
    with time_machine.travel(CAMPAIGN_DAY, tick=False):
        yield


@pytest.fixture
def partner_staff(member):
    member.groups.add(Group.objects.get(name=roles.PARTNER_STAFF))
    return member


@pytest.fixture
def superuser(staff):
    staff.groups.add(Group.objects.get(name=roles.EDITOR))
    staff.is_superuser = True
    staff.save()
    return staff


@pytest.mark.parametrize("model", ENTRY_FORMS)
def test_partner_staff_find_the_running_campaign_chosen(partner_staff, campaign_day, model):
    CampaignFactory(**CLOSED)
    running = CampaignFactory(**RUNNING)
    assert selected_campaign(partner_staff, model) == [str(running.pk)]


@pytest.mark.parametrize("model", ENTRY_FORMS)
def test_staff_find_the_running_campaign_chosen(superuser, campaign_day, model):
    running = CampaignFactory(**RUNNING)
    assert selected_campaign(superuser, model) == [str(running.pk)]


@pytest.mark.parametrize("model", ENTRY_FORMS)
def test_another_organisations_campaign_leaves_partner_staff_theirs(
    partner_staff, superuser, other_partner, campaign_day, model
):
    ours = CampaignFactory(**RUNNING)
    CampaignFactory(partner=other_partner.slug, **RUNNING)
    assert selected_campaign(partner_staff, model) == [str(ours.pk)]
    # Staff act for both organisations: two campaigns run, they choose.
    assert selected_campaign(superuser, model) == []


@pytest.mark.parametrize("model", ENTRY_FORMS)
def test_two_running_campaigns_leave_the_choice_open(partner_staff, superuser, campaign_day, model):
    CampaignFactory(**RUNNING)
    CampaignFactory(**RUNNING)
    assert selected_campaign(partner_staff, model) == []
    assert selected_campaign(superuser, model) == []


@pytest.mark.parametrize("model", ENTRY_FORMS)
def test_a_closed_campaign_is_not_chosen(partner_staff, superuser, campaign_day, model):
    CampaignFactory(**CLOSED)
    assert selected_campaign(partner_staff, model) == []
    assert selected_campaign(superuser, model) == []


def test_a_need_being_edited_keeps_its_own_campaign(partner_staff, campaign_day):
    closed = CampaignFactory(**CLOSED)
    CampaignFactory(**RUNNING)
    need = need_for(closed, region="TN-42")
    url = f"/admin/snippets/tracker/need/edit/{need.pk}/"
    assert selected(partner_staff, url, "campaign") == [str(closed.pk)]
