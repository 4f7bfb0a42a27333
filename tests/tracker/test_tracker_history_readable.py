"""Reports → Site history and an entry's History tab, read in the user's language: fields by
their verbose names, choices by their labels, related objects by name; no raw field name,
id or ``None``."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation
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


@pytest.mark.parametrize(
    "language, day, colon",
    [("ar", "21 ماي 2020، 15:05", ": "), ("fr", "21 mai 2020 à 15:05", "\u00a0: ")],
)
def test_a_moment_reads_in_words_on_the_24_hour_clock(need, member, language, day, colon):
    """«4/3/2026، 4:05 م» was the line of a contribution received (the Arabic trial)."""
    import datetime

    import time_machine

    at = datetime.datetime(2020, 5, 21, 14, 5, tzinfo=datetime.UTC)  # 15:05 in Tunis
    with time_machine.travel(at - datetime.timedelta(hours=1), tick=False):
        contribution = gift(need, user=member, status="pledged")
    with time_machine.travel(at, tick=False):
        services.change_contribution_status(contribution, "received", user=member)
    client = client_in(member, language)
    path = f"/admin/snippets/tracker/contribution/history/{contribution.pk}/"
    text = history_lines(client.get(path).content.decode())
    assert day in text
    assert not re.search(r"\d:\d\d\s?(م|ص|AM|PM)", text)
    assert not re.search(r"\d/\d{1,2}/\d{4}", text)  # no numeric date
    with translation.override(language):
        label = str(contribution._meta.get_field("status").verbose_name)
    with_colon = re.search(rf"{label}\s?:\s", text, re.IGNORECASE)
    assert with_colon and with_colon.group(0).lower() == f"{label}{colon}".lower(), with_colon
