"""A partner writes only its own organisation's entries; staff see all (service level)."""

import pytest

from campaigns.tracker import services
from campaigns.tracker.models import Contribution, Delivery, Need

from .conftest import gift


def test_partner_user_cannot_record_for_another_partner(need, outsider):
    before = Contribution.objects.count()
    with pytest.raises(services.TrackerPermissionDenied) as error:
        gift(need, user=outsider)
    assert error.value.field == "partner"
    assert Contribution.objects.count() == before


def test_partner_user_cannot_change_another_partners_entries(need, outsider, member):
    contribution = gift(need, user=member, status="pledged", quantity="5")
    with pytest.raises(services.TrackerPermissionDenied):
        services.change_contribution_status(contribution, "received", user=outsider)
    with pytest.raises(services.TrackerPermissionDenied):
        services.update_contribution(contribution, user=outsider, quantity="7")
    with pytest.raises(services.TrackerPermissionDenied):
        services.update_need(need, user=outsider, quantity="1")
    with pytest.raises(services.TrackerPermissionDenied):
        services.record_delivery(
            user=outsider, need=need, partner=need.partner, quantity="1", delivered_on="2020-05-20"
        )
    contribution.refresh_from_db()
    need.refresh_from_db()
    assert (contribution.status, contribution.quantity, need.quantity) == ("pledged", 5, 500)


def test_partner_user_cannot_move_an_entry_to_another_partner(need, member, other_partner):
    contribution = services.record_contribution(
        user=member, campaign=need.campaign, partner=need.partner, kind="cash", amount="5"
    )
    with pytest.raises(services.TrackerPermissionDenied):
        services.update_contribution(contribution, user=member, partner=other_partner)
    contribution.refresh_from_db()
    assert contribution.partner == need.partner


def test_user_without_membership_sees_and_writes_nothing(need, django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="pw")
    gift(need)
    assert services.scope_queryset(Contribution.objects.all(), nobody).count() == 0
    with pytest.raises(services.TrackerPermissionDenied):
        gift(need, user=nobody)


def test_scope_shows_members_only_their_organisation(need, member, outsider, staff):
    gift(need)
    services.record_contribution(
        user=outsider,
        campaign=need.campaign,
        partner=services.partners_for(outsider).get(),
        kind="cash",
        amount="9",
    )
    mine = services.scope_queryset(Contribution.objects.all(), member)
    assert set(mine.values_list("partner", flat=True)) == {need.partner_id}
    assert services.scope_queryset(Need.objects.all(), outsider).filter(pk=need.pk).count() == 0
    assert services.scope_queryset(Contribution.objects.all(), staff).count() == (
        Contribution.objects.count()
    )
    assert services.scope_queryset(Delivery.objects.all(), staff).count() == (
        Delivery.objects.count()
    )
    staff_gift = gift(need, user=staff)
    assert staff_gift.created_by == staff
