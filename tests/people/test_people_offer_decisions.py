"""Partners decide on offers in the admin: accept into a pledge, or decline with a reason."""

import csv
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from campaigns.people import offers
from campaigns.people.models import Offer
from campaigns.tracker import aggregates, services
from campaigns.tracker.models import Contribution, Region
from portal.localization.numbers import format_money

from .conftest import make_user

pytestmark = pytest.mark.django_db


def an_offer(campaign, **changes):
    fields = {
        "kind": "in_kind",
        "category": "food",
        "quantity": Decimal("20"),
        "unit": "parcel",
        "region": Region.objects.get(code="TN-42"),
        "name": "Salma B.",
        "name_public": True,
        "email": "salma@example.net",
        "phone": "+216 71 000 000",
        "message": "Parcels ready",
        "language": "fr",
    }
    fields.update(changes)
    return offers.submit(campaign, **fields)


def english_admin(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def inspect_url(offer):
    return reverse("people_offers:inspect", args=[offer.pk])


def parcels(totals, field):
    return sum((row[field] for row in totals["in_kind"] if row["unit"] == "parcel"), Decimal(0))


def test_partner_sees_offers_of_its_campaigns_with_contact(client, campaign, partner_staff):
    offer = an_offer(campaign)
    client.force_login(partner_staff)
    listing = client.get(reverse("people_offers:index"))
    assert listing.status_code == 200
    assert inspect_url(offer) in listing.content.decode()
    detail = client.get(inspect_url(offer))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "salma@example.net" in html and "+216 71 000 000" in html


def test_user_without_partner_sees_no_offer(client, campaign):
    offer = an_offer(campaign)
    stranger = make_user("t-stranger", "Partner staff")  # the role, but no organisation
    client.force_login(stranger)
    listing = client.get(reverse("people_offers:index"))
    assert listing.status_code == 200
    assert inspect_url(offer) not in listing.content.decode()
    detail = client.get(inspect_url(offer), follow=True)
    assert detail.status_code == 404 and "salma@example.net" not in detail.content.decode()
    response = client.post(inspect_url(offer), {"action": "decline", "decline_reason": "x"})
    assert response.status_code in (302, 404)
    assert Offer.objects.get(pk=offer.pk).status == "pending"


def test_accepting_records_a_pledge_that_moves_pledged_not_received(
    client, campaign, partner, partner_staff, django_capture_on_commit_callbacks
):
    offer = an_offer(campaign)
    before = aggregates.totals_for(campaign)
    client.force_login(partner_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            inspect_url(offer), {"action": "accept", "partner": partner.pk, "note": "call her"}
        )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == "accepted" and offer.decided_by == partner_staff
    contribution = offer.contribution
    assert (contribution.status, contribution.source, contribution.partner) == (
        "pledged",
        "offer",
        partner,
    )
    assert contribution.quantity == 20 and contribution.unit == "parcel"
    assert contribution.public_donor_name == "Salma B."
    assert "salma@example.net" in contribution.donor_contact
    after = aggregates.totals_for(campaign)
    assert parcels(after, "pledged") - parcels(before, "pledged") == 20
    assert parcels(after, "received") == parcels(before, "received")
    assert after["contributions"] == before["contributions"] + 1
    # the tracker keeps the history, without the private contact
    change = services.history_of(contribution).filter(action="tracker.created").last()
    assert change.data["source"] == "offer" and "donor_contact" not in change.data["changes"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["salma@example.net"]
    assert "acceptée" in mail.outbox[0].subject
    assert "Ligue tunisienne pour la défense des droits de l'homme a accepté" in mail.outbox[0].body
    # deciding twice is refused and changes nothing
    again = client.post(inspect_url(offer), {"action": "accept", "partner": partner.pk})
    assert again.status_code == 302 and again["Location"] == "/admin/"  # permission denied
    assert Contribution.objects.filter(source="offer").count() == 1


def test_cash_offer_accepted_in_its_currency(client, campaign, partner, partner_staff):
    offer = an_offer(
        campaign,
        kind="cash",
        category="cash",
        amount=Decimal("250.5"),
        currency="TND",
        quantity=None,
        unit="",
    )
    before = aggregates.totals_for(campaign)
    client.force_login(partner_staff)
    client.post(inspect_url(offer), {"action": "accept", "partner": partner.pk})
    after = aggregates.totals_for(campaign)

    def tnd(totals, field):
        return sum((r[field] for r in totals["money"] if r["currency"] == "TND"), Decimal(0))

    assert tnd(after, "pledged") - tnd(before, "pledged") == Decimal("250.5")
    assert tnd(after, "received") == tnd(before, "received")


def test_partner_cannot_accept_for_another_organisation(client, campaign, partner_staff):
    from campaigns.models import PartnerPage

    other = PartnerPage.objects.filter(locale__language_code="ar").exclude(slug="ltdh").first()
    offer = an_offer(campaign)
    english_admin(partner_staff)
    client.force_login(partner_staff)
    response = client.post(inspect_url(offer), {"action": "accept", "partner": other.pk})
    assert response.status_code == 200  # the form again, with the error
    assert "Select a valid choice" in response.content.decode()
    assert Offer.objects.get(pk=offer.pk).status == "pending"
    assert not Contribution.objects.filter(source="offer").exists()


def test_declining_needs_a_reason_and_tells_the_person(
    client, campaign, partner_staff, django_capture_on_commit_callbacks
):
    offer = an_offer(campaign)
    client.force_login(partner_staff)
    empty = client.post(inspect_url(offer), {"action": "decline", "decline_reason": ""})
    assert empty.status_code == 200
    assert Offer.objects.get(pk=offer.pk).status == "pending"
    before = aggregates.totals_for(campaign)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            inspect_url(offer),
            {"action": "decline", "decline_reason": "Nous avons assez de colis."},
        )
    offer.refresh_from_db()
    assert offer.status == "declined" and offer.decline_reason == "Nous avons assez de colis."
    assert offer.contribution is None
    assert aggregates.totals_for(campaign) == before  # counted nowhere
    assert "Nous avons assez de colis." in mail.outbox[-1].body


def test_pending_offers_count_nowhere(campaign):
    before = aggregates.totals_for(campaign)
    an_offer(campaign)
    assert aggregates.totals_for(campaign) == before


def test_filters_and_export(client, campaign, partner_staff):
    an_offer(campaign)
    an_offer(
        campaign,
        kind="cash",
        category="cash",
        amount=Decimal("10"),
        currency="TND",
        quantity=None,
        unit="",
        email="cash@example.net",
    )
    client.force_login(partner_staff)
    only_cash = client.get(reverse("people_offers:index"), {"kind": "cash"})
    assert only_cash.status_code == 200
    html = only_cash.content.decode()
    assert format_money(Decimal("10"), "TND", "ar") in html  # «10,000 د.ت.», the reader's
    assert "20\u00a0parcels" not in html
    export = client.get(reverse("people_offers:index"), {"export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(rows) == 3
    assert any("cash@example.net" in row for row in rows)  # private export, partners only


def test_offer_history_is_kept(client, campaign, partner_staff):
    offer = an_offer(campaign)
    client.force_login(partner_staff)
    client.post(inspect_url(offer), {"action": "decline", "decline_reason": "Trop loin"})
    from wagtail.log_actions import registry

    # The offer's log table is the one Wagtail's registry picks (the tracker's scoped table).
    actions = list(
        registry.get_logs_for_instance(offer).order_by("timestamp").values_list("action", flat=True)
    )
    assert actions == ["people.offer.received", "people.offer.declined"]


@pytest.mark.parametrize(
    ("language", "money"),
    [("en", "250.500\xa0TND"), ("fr", "250,500\xa0TND"), ("ar", "250,500")],
)
def test_a_cash_offer_is_named_with_its_currencys_decimals(campaign, language, money):
    """«250.5 TND» read as a number of the code's own, not the reader's («250,500 TND»)."""
    from django.utils import translation

    offer = an_offer(
        campaign, kind="cash", category="cash", amount=Decimal("250.5"), currency="TND",
        quantity=None, unit="",
    )  # fmt: skip
    with translation.override(language):
        name = str(offer)
    assert money in name, name
    assert "250.5 " not in name
