"""The demo's deliveries are confirmed as in real use: by a colleague of the receiving
partner (``demo-confirm-<partner slug>``), not by nobody, and a second load adds nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from campaigns.tracker.models import Delivery, PartnerMembership

pytestmark = pytest.mark.django_db


def demo_deliveries(demo):
    return Delivery.objects.filter(campaign=demo["campaign"]).select_related(
        "partner", "confirmed_by"
    )


def test_deliveries_are_confirmed_by_a_colleague_of_the_receiving_partner(demo):
    confirmed = [d for d in demo_deliveries(demo) if d.is_confirmed]
    assert len(confirmed) >= 5
    for delivery in confirmed:
        by = delivery.confirmed_by
        assert by is not None, delivery.reference
        assert by.username == f"demo-confirm-{delivery.partner.slug}"
        assert PartnerMembership.objects.filter(user=by, partner=delivery.partner).exists()
        assert by.pk != delivery.recorded_by_id
    # Some wait for their confirmation, as on a real campaign day.
    assert any(not d.is_confirmed for d in demo_deliveries(demo))


def test_the_delivery_history_names_who_confirmed(admin_client, demo):
    delivery = next(d for d in demo_deliveries(demo) if d.is_confirmed)
    response = admin_client.get(f"/admin/snippets/tracker/delivery/history/{delivery.pk}/")
    assert response.status_code == 200
    assert delivery.confirmed_by.get_full_name() in response.content.decode()


def test_loading_the_demo_again_confirms_nothing_twice(demo):
    def counts():
        return (
            Delivery.objects.count(),
            Delivery.objects.filter(confirmed_by__isnull=False).count(),
            get_user_model().objects.filter(username__startswith="demo-confirm-").count(),
            PartnerMembership.objects.count(),
            ModelLogEntry.objects.filter(action="tracker.confirmed").count(),
        )

    before = counts()
    call_command("load_demo_content", stdout=io.StringIO())
    assert counts() == before
