"""Reports → Site history and an entry's History tab, read in the user's language: fields by
their verbose names, choices by their labels, related objects by name; no raw field name,
id or ``None``."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.users.models import UserProfile

from campaigns.people import roles
from campaigns.tracker import services

from .conftest import gift

pytestmark = pytest.mark.django_db

RAW = re.compile(r"\b(need|partner|campaign|status|kind|quantity|unit|region|received_on)\b: |None")


def client_in(user, language):
    user.groups.add(Group.objects.get(name=roles.PARTNER_STAFF))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def history_lines(page):
    """The text of each listed message (the site history's table cells)."""
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.parametrize(
    "language, words",
    [
        ("ar", ["الحالة", "طرود غذائية للأسر", "→"]),
        ("fr", ["statut", "Reçu", "→"]),
    ],
)
def test_site_history_names_fields_and_values_in_the_users_language(need, member, language, words):
    contribution = gift(need, user=member, status="pledged")
    services.change_contribution_status(contribution, "received", user=member)
    client = client_in(member, language)
    for path in (
        "/admin/reports/site-history/results/",
        f"/admin/snippets/tracker/contribution/history/{contribution.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        text = history_lines(response.content.decode())
        for word in words:
            assert word in text, (path, word)
        assert not RAW.search(text), (path, RAW.search(text).group(0))
        assert f"need: {need.pk}" not in text


def test_a_changed_date_reads_in_the_users_words_not_iso(need, member):
    """«delivered on: 2020-05-20» was the site history's line (the trial of issue 19)."""
    gift(need, user=member, quantity="50")
    delivery = services.record_delivery(
        user=member, need=need, quantity="20", delivered_on="2020-05-20", households_reached=20
    )
    services.update_delivery(delivery, user=member, delivered_on="2020-05-21")
    text = history_lines(
        client_in(member, "fr").get("/admin/reports/site-history/results/").content.decode()
    )
    assert "21 mai 2020" in text
    assert "2020-05-2" not in text
