"""Regions in the admin: communications staff add and correct them; the chooser is
searchable, shows the country and offers only the campaign's country's regions."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from campaigns.people import roles
from campaigns.tracker.models import Region

pytestmark = pytest.mark.django_db


def user_in(role, name):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=role))
    return user


def body(response):
    """A chooser answer's HTML (the modal answers JSON, the results view HTML)."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_an_editor_adds_and_corrects_a_region_a_partner_cannot(client):
    client.force_login(user_in(roles.EDITOR, "comms-editor"))
    add = reverse("wagtailsnippets_tracker_region:add")
    data = {
        "country": "JO",
        "code": "JO-XX",
        "name_ar": "منطقة",
        "name_fr": "Zone",
        "name_en": "Zone",
        "sort_order": "20",
    }
    assert client.post(add, data).status_code == 302
    region = Region.objects.get(code="JO-JA")
    edit = reverse("wagtailsnippets_tracker_region:edit", args=[region.pk])
    data = {
        "country": "JO",
        "code": "JO-JA",
        "name_ar": "جرش",
        "name_fr": "Jérash",
        "name_en": "Jerash",
        "sort_order": "7",
    }
    assert client.post(edit, data).status_code == 302
    assert Region.objects.get(code="JO-JA").name_fr == "Jérash"

    client.force_login(user_in(roles.PARTNER_STAFF, "partner-person"))
    count = Region.objects.count()
    response = client.post(add, {**data, "code": "JO-YY"})
    assert response.status_code in (302, 403) and Region.objects.count() == count


def test_the_chooser_is_narrowed_to_the_campaigns_country_searchable_with_a_country_column(
    client, admin_user, jordan
):
    client.force_login(admin_user)
    url = reverse("wagtailsnippetchoosers_tracker_region:choose")
    html = body(client.get(url, {"campaign": jordan.pk}))
    assert "Irbid" in html or "إربد" in html
    assert "Kasserine" not in html and "القصرين" not in html
    assert "JO-IR" in html  # the code column
    assert "الأردن" in html or "Jordan" in html  # the country column
    results = reverse("wagtailsnippetchoosers_tracker_region:choose_results")
    found = body(client.get(results, {"campaign": jordan.pk, "q": "إربد"}))
    assert "JO-IR" in found and "JO-AJ" not in found
    anywhere = body(client.get(results, {"q": "Sfax"}))
    assert "TN-61" in anywhere


def test_countries_are_sorted_in_the_users_language(client, admin_user):
    from wagtail.models import Page
    from wagtail.users.models import UserProfile

    from home.models import HomePage

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(admin_user)
    home = HomePage.objects.get(locale__language_code="ar")
    assert isinstance(home, Page)
    url = reverse("wagtailadmin_pages:add", args=["campaigns", "campaignpage", home.pk])
    html = client.get(url).content.decode()
    select = html.split('name="country"', 1)[1].split("</select>", 1)[0]
    names = re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<]+)</option>', select)
    assert names[0] == "الأردن" and names.index("تونس") < names.index("مصر")
