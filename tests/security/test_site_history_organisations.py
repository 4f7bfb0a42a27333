"""*Reports → Site history* as partner staff: never a line by another organisation's users,
whatever was done and to what. Organisation A's staff accepting an offer that B's staff may
see too read «Offer accepted as a pledge — <A's user>» in B's site history before. Generated
over every log action the project registers, each logged by A's staff on such an offer."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.log_actions import registry

from campaigns.people.models import Offer
from campaigns.people.offers import offers_for
from campaigns.tracker.admin_reports import ScopedSiteHistoryView
from campaigns.tracker.models.log import ScopedLogEntry

REPORT = "/admin/reports/site-history/"
ACTIONS = sorted(action for action, _label in registry.get_choices())


@pytest.fixture
def shared_offer(world):
    offer = Offer.objects.create(
        campaign=world["campaign"], kind="in_kind", category="food", quantity="20",
        unit="parcel", name="Salma B.", email="salma@example.net",
    )  # fmt: skip
    for org in ("A", "B"):
        assert offers_for(world["users"][org]).filter(pk=offer.pk).exists()
    return offer


def lines_seen_by(user):
    request = RequestFactory().get(REPORT)
    request.user = user
    view = ScopedSiteHistoryView()
    view.setup(request)
    return {(row["log_model_index"], row["pk"]) for row in view.get_filtered_queryset()}, view


def test_the_project_registers_log_actions():
    assert {"people.offer.accepted", "tracker.created", "wagtail.edit"} <= set(ACTIONS)


def log_on(offer, action, user):
    return ScopedLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Offer), object_id=str(offer.pk),
        label=str(offer), action=action, user=user, data={}, timestamp=timezone.now(),
    )  # fmt: skip


def test_partner_staff_never_see_another_organisations_actions(world, shared_offer):
    """Every registered action, logged once by A's staff and once by B's on one offer."""
    users = world["users"]
    by_a = {action: log_on(shared_offer, action, users["A"]).pk for action in ACTIONS}
    by_b = {action: log_on(shared_offer, action, users["B"]).pk for action in ACTIONS}
    seen = {}
    for role in ("A", "B", "admin"):
        lines, view = lines_seen_by(users[role])
        index = view.log_models.index(ScopedLogEntry)
        seen[role] = {pk for model_index, pk in lines if model_index == index}
    shown_to_b = sorted(action for action, pk in by_a.items() if pk in seen["B"])
    assert not shown_to_b, shown_to_b
    assert set(by_b.values()) <= seen["B"]
    assert set(by_a.values()) <= seen["A"]
    assert set(by_a.values()) | set(by_b.values()) <= seen["admin"]


def test_the_accepted_offer_line_and_its_author_are_not_shown(world, shared_offer):
    users = world["users"]
    log_on(shared_offer, "people.offer.accepted", users["A"])
    client = Client()
    client.force_login(users["B"])
    page = client.get(REPORT).content.decode()
    assert "sec-A" not in page
    client.force_login(users["A"])
    assert "sec-A" in client.get(REPORT).content.decode()
