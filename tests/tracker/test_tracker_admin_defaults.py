"""Partner staff open a blank need, gift or delivery with their own organisation already
chosen (they act for exactly one); staff, who act for every partner, choose it themselves."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from campaigns.people import roles

pytestmark = pytest.mark.django_db

FORMS = ["need", "contribution", "delivery"]


def selected_partner(user, model):
    client = Client()
    client.force_login(user)
    response = client.get(f"/admin/snippets/tracker/{model}/add/")
    assert response.status_code == 200
    select = re.search(r'<select name="partner".*?</select>', response.content.decode(), re.S)
    assert select, model
    chosen = re.findall(r'<option value="(\d+)"[^>]*\bselected\b', select.group(0))
    return chosen


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
