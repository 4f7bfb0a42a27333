"""*Reports → Site history*: every filter choice follows the listing's scope (issue 14). Partner
staff are offered, under *User*, only the authors of lines they may see; never another
organisation's staff or communications staff who wrote lines hidden from them."""

import re

from django.test import Client
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from campaigns.tracker import services
from campaigns.tracker.models import Region

REPORT = "/admin/reports/site-history/"


def offered_users(world, role):
    """The ids of the users offered by the report's *User* filter to ``role``."""
    client = Client()
    client.force_login(world["users"][role])
    page = client.get(REPORT).content.decode()
    return {int(pk) for pk in re.findall(r'name="user" value="(\d+)"', page)}


def lines_by_everyone(world):
    """A line each: A's and B's staff on their own entries, an editor on a page, a moderator
    on a region (regions are shared reference data that partner staff may view)."""
    users = world["users"]
    for org in ("A", "B"):
        services.record_contribution(
            user=users[org], need=world["objects"][org]["need"], partner=world["partners"][org],
            kind="in_kind", quantity="1", unit="parcel", status="pledged",
        )  # fmt: skip
    log(world["campaign"], "wagtail.edit", user=users["editor"])
    log(Region.objects.get(code="TN-42"), "wagtail.edit", user=users["moderator"])


def test_partner_staff_are_offered_only_authors_of_lines_they_see(world):
    lines_by_everyone(world)
    users = world["users"]
    offered = offered_users(world, "A")
    assert {users["A"].pk, users["moderator"].pk} <= offered
    hidden = {users["B"].pk, users["editor"].pk}
    assert not offered & hidden
    # Nor anyone who only wrote page lines (the demo editor's submitted page, …).
    page_authors = set(PageLogEntry.objects.values_list("user_id", flat=True))
    assert page_authors - {None}
    assert not offered & page_authors


def test_administrators_are_offered_every_author(world):
    lines_by_everyone(world)
    users = world["users"]
    expected = {users[role].pk for role in ("A", "B", "editor", "moderator")}
    assert expected <= offered_users(world, "admin")


def test_the_user_filter_narrows_the_listing_to_that_author(world):
    lines_by_everyone(world)
    client = Client()
    client.force_login(world["users"]["A"])
    moderator = world["users"]["moderator"].pk
    page = client.get(f"{REPORT}results/", {"user": moderator}).content.decode()
    assert "Need of A" not in page  # A's own line, by A: filtered out
    assert "sec-moderator" in page
