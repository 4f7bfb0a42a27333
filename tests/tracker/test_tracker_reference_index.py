"""A ledger entry's references (its need, campaign and partner) are in Wagtail's reference
index as soon as it is recorded, in its own transaction: a need's or a campaign's *Usage*
lists the gifts and deliveries toward it, with no task left for the worker."""

import datetime

import pytest
from wagtail.models import ReferenceIndex

from campaigns.tracker import services
from campaigns.tracker.models import Contribution, Delivery

from .conftest import gift

pytestmark = pytest.mark.django_db


def referrers(target):
    """The (model, pk) of every row the reference index says points at ``target``."""
    return {
        (usage.__class__, usage.pk)
        for usage, _references in ReferenceIndex.get_grouped_references_to(target)
    }


def test_a_gift_and_a_delivery_show_in_their_needs_usage_with_nothing_queued(queued, need):
    queued.clear()  # the fixtures' own pages and rows
    given = gift(need, quantity="4")
    delivered = services.record_delivery(
        user=services.SYSTEM,
        need=need,
        quantity="3",
        delivered_on=datetime.date(2020, 5, 21),
        households_reached=12,
    )
    assert {(Contribution, given.pk), (Delivery, delivered.pk)} <= referrers(need)
    assert (Contribution, given.pk) in referrers(need.campaign)
    assert not [result for result in queued.results if "reference_index" in result.task.module_path]
