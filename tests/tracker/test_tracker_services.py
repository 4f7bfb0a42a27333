"""The service layer: validation naming fields, forward-only statuses, atomic writes, history."""

from decimal import Decimal

import pytest
from wagtail.models import Locale

from campaigns.tracker import services
from campaigns.tracker.models import Contribution, Delivery, Need, ScopedLogEntry

from .conftest import gift


def counts():
    return (
        Need.objects.count(),
        Contribution.objects.count(),
        Delivery.objects.count(),
        ScopedLogEntry.objects.count(),
    )


def test_need_is_recorded_in_the_source_campaign_locale_with_history(need, campaign):
    assert need.locale_id == campaign.locale_id
    assert need.quantity == Decimal("500")
    [created] = services.history_of(need)
    assert created.action == "tracker.created"
    assert created.data["changes"]["quantity"] == [None, "500"]


def test_need_for_a_translated_campaign_points_at_the_source(campaign, partner, kasserine):
    french = campaign.get_translation(Locale.objects.get(language_code="fr"))
    need = services.create_need(
        user=services.SYSTEM,
        campaign=french,
        partner=partner.get_translation(french.locale),
        category="medicine",
        region=kasserine,
        title="Médicaments",
        quantity="20",
        unit="box",
    )
    assert need.campaign_id == campaign.pk
    assert need.partner_id == partner.pk
    assert need.locale_id == campaign.locale_id


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"quantity": "0"}, "quantity"),
        ({"quantity": "-5"}, "quantity"),
        ({"quantity": "abc"}, "quantity"),
        ({"unit": ""}, "unit"),
        ({"title": "  "}, "title"),
        ({"category": "weapons"}, "category"),
        ({"category": "cash", "unit": "", "currency": "ZZZ"}, "currency"),
        ({"category": "cash", "unit": "", "currency": "TND", "quantity": "1.2345"}, "quantity"),
        ({"deadline": "31/05/2020"}, "deadline"),
    ],
)
def test_bad_need_input_names_the_field_and_creates_nothing(
    campaign, partner, kasserine, changes, field
):
    values = {
        "campaign": campaign,
        "partner": partner,
        "category": "food",
        "region": kasserine,
        "title": "Parcels",
        "quantity": "10",
        "unit": "parcel",
    }
    values.update(changes)
    before = counts()
    with pytest.raises(services.TrackerValidationError) as error:
        services.create_need(user=services.SYSTEM, **values)
    assert field in error.value.message_dict
    assert error.value.as_json()[field][0]
    assert counts() == before


def test_cash_contribution_is_decimal_in_tnd_by_default(campaign, partner, member):
    contribution = services.record_contribution(
        user=member, campaign=campaign, partner=partner, kind="cash", amount="125.750"
    )
    contribution.refresh_from_db()
    assert contribution.currency == "TND"
    assert contribution.amount == Decimal("125.750")
    assert isinstance(contribution.amount, Decimal)
    assert contribution.source == "admin"
    assert contribution.pledged_at is not None and contribution.received_at is None


@pytest.mark.parametrize(
    "values, field",
    [
        ({"amount": "10.1234", "currency": "TND"}, "amount"),  # TND has 3 decimals
        ({"amount": "10.5", "currency": "JPY"}, "amount"),  # JPY has none
        ({"amount": "10", "currency": "XYZ"}, "currency"),
        ({"amount": "0"}, "amount"),
        ({"amount": "-3"}, "amount"),
        ({"amount": ""}, "amount"),
        ({"kind": "in_kind", "quantity": "0", "unit": "kg"}, "quantity"),
        ({"kind": "in_kind", "quantity": "-1", "unit": "kg"}, "quantity"),
        ({"kind": "in_kind", "quantity": "2", "unit": ""}, "unit"),
        ({"kind": "gold"}, "kind"),
    ],
)
def test_bad_contribution_input_names_the_field_and_creates_nothing(
    campaign, partner, member, values, field
):
    data = {"campaign": campaign, "partner": partner, "kind": "cash", **values}
    if data["kind"] == "in_kind":
        data.pop("amount", None)
    before = counts()
    with pytest.raises(services.TrackerValidationError) as error:
        services.record_contribution(user=member, **data)
    assert field in error.value.message_dict
    assert counts() == before


def test_contribution_must_match_the_need_unit_or_currency(need, cash_need):
    with pytest.raises(services.TrackerValidationError) as error:
        services.record_contribution(
            user=services.SYSTEM,
            need=need,
            partner=need.partner,
            kind="in_kind",
            quantity="3",
            unit="kg",
        )
    assert "unit" in error.value.message_dict
    with pytest.raises(services.TrackerValidationError) as error:
        services.record_contribution(
            user=services.SYSTEM,
            need=cash_need,
            partner=need.partner,
            kind="cash",
            amount="3",
            currency="EUR",
        )
    assert "currency" in error.value.message_dict


def test_status_moves_forward_and_is_kept_in_history(need, member):
    contribution = gift(need, user=member, status="pledged")
    services.change_contribution_status(contribution, "received", user=member)
    services.change_contribution_status(contribution, "distributed", user=member)
    contribution.refresh_from_db()
    assert contribution.status == "distributed"
    assert contribution.received_at <= contribution.distributed_at
    history = services.history_of(contribution)
    steps = [h.data["changes"]["status"] for h in history if h.action == "tracker.status"]
    assert steps == [["pledged", "received"], ["received", "distributed"]]
    assert all(h.user == member for h in services.history_of(contribution))


@pytest.mark.parametrize(
    "start, target",
    [
        ("distributed", "pledged"),
        ("received", "pledged"),
        ("received", "cancelled"),
        ("cancelled", "received"),
    ],
)
def test_backward_status_change_is_refused_and_changes_nothing(need, start, target):
    contribution = gift(need, status=start)
    history = services.history_of(contribution).count()
    with pytest.raises(services.TrackerValidationError) as error:
        services.change_contribution_status(contribution, target, user=services.SYSTEM)
    assert "status" in error.value.message_dict
    contribution.refresh_from_db()
    assert contribution.status == start
    assert services.history_of(contribution).count() == history


def test_need_status_only_moves_forward(need):
    services.change_need_status(need, "met", user=services.SYSTEM)
    with pytest.raises(services.TrackerValidationError) as error:
        services.change_need_status(need, "open", user=services.SYSTEM)
    assert "status" in error.value.message_dict
    need.refresh_from_db()
    assert need.status == "met"


def test_reference_is_unique_per_partner(need, other_partner):
    gift(need, reference="R-1")
    with pytest.raises(services.TrackerValidationError) as error:
        gift(need, reference="R-1")
    assert "reference" in error.value.message_dict
    # Another organisation may use the same reference for its own gift.
    services.record_contribution(
        user=services.SYSTEM,
        campaign=need.campaign,
        partner=other_partner,
        kind="cash",
        amount="5",
        reference="R-1",
    )
    assert Contribution.objects.filter(reference="R-1").count() == 2


def test_donor_name_is_public_only_with_consent(need):
    hidden = gift(need, donor_name="Salma B.", donor_contact="+216 20 000 000")
    shown = gift(need, donor_name="Karim", donor_name_public=True)
    assert hidden.public_donor_name == ""
    assert shown.public_donor_name == "Karim"
    created = services.history_of(hidden).get()
    assert "donor_contact" not in created.data["changes"]


def test_acting_user_is_required(need):
    with pytest.raises(TypeError):
        gift(need, user=None)


def test_delivery_cannot_exceed_what_was_received(need, member):
    gift(need, quantity="100", status="received")
    gift(need, quantity="400", status="pledged")  # pledges are not received
    before = counts()
    with pytest.raises(services.TrackerValidationError) as error:
        services.record_delivery(
            user=member, need=need, quantity="101", delivered_on="2020-05-20", households_reached=50
        )
    assert "quantity" in error.value.message_dict
    assert "100" in error.value.message_dict["quantity"][0]
    assert counts() == before
    services.record_delivery(user=member, need=need, quantity="60", delivered_on="2020-05-20")
    with pytest.raises(services.TrackerValidationError):
        services.record_delivery(user=member, need=need, quantity="41", delivered_on="2020-05-21")


def test_delivery_over_received_needs_a_logged_override(need, member):
    with pytest.raises(services.TrackerValidationError) as error:
        services.record_delivery(
            user=member, need=need, quantity="10", delivered_on="2020-05-20", override=True
        )
    assert "override_reason" in error.value.message_dict
    delivery = services.record_delivery(
        user=member,
        need=need,
        quantity="10",
        delivered_on="2020-05-20",
        override=True,
        override_reason="Goods lent by the governorate's stock, to be repaid.",
    )
    assert delivery.over_received
    override = services.history_of(delivery).get(action="tracker.override")
    assert "governorate" in override.data["note"] and override.user == member


@pytest.mark.parametrize(
    "values, field",
    [
        ({"quantity": "0"}, "quantity"),
        ({"quantity": "-4"}, "quantity"),
        ({"households_reached": "-1"}, "households_reached"),
        ({"delivered_on": "2999-01-01"}, "delivered_on"),
        ({"delivered_on": ""}, "delivered_on"),
    ],
)
def test_bad_delivery_input_names_the_field(need, values, field):
    gift(need, quantity="100")
    data = {"need": need, "quantity": "5", "delivered_on": "2020-05-20", **values}
    before = counts()
    with pytest.raises(services.TrackerValidationError) as error:
        services.record_delivery(user=services.SYSTEM, **data)
    assert field in error.value.message_dict
    assert counts() == before


def test_delivery_is_confirmed_by_a_second_person(need, member, colleague):
    gift(need, quantity="100")
    delivery = services.record_delivery(
        user=member, need=need, quantity="10", delivered_on="2020-05-20", households_reached=10
    )
    with pytest.raises(services.TrackerValidationError) as error:
        services.confirm_delivery(delivery, user=member)
    assert "confirmed_by" in error.value.message_dict
    services.confirm_delivery(delivery, user=colleague)
    delivery.refresh_from_db()
    assert delivery.confirmed_by == colleague and delivery.recorded_by == member


def test_entries_toward_a_translated_need_point_at_the_source(need):
    french = need.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Colis alimentaires"
    french.save()
    contribution = gift(french, quantity="5")
    assert contribution.need_id == need.pk
    delivery = services.record_delivery(
        user=services.SYSTEM, need=french, quantity="5", delivered_on="2020-05-20"
    )
    assert delivery.need_id == need.pk


def test_editing_a_need_keeps_translations_numbers_in_step(need):
    french = need.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Colis alimentaires"
    french.save()
    services.update_need(need, user=services.SYSTEM, quantity="650")
    french.refresh_from_db()
    assert french.quantity == Decimal("650") and french.title == "Colis alimentaires"
    edit = services.history_of(need).get(action="tracker.edited")
    assert edit.data["changes"] == {"quantity": ["500", "650"]}
