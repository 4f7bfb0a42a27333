"""Offers of help: received from the public, then accepted into a pledge or declined.

An offer counts nowhere while pending. Accepting it records a pledged contribution through
the tracker's service layer (``record_contribution(..., source="offer")``), so it moves the
campaign's "pledged" figure and nothing else; declining it keeps a reason. The person gets
an acknowledgement and the decision by e-mail when they left an address.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from campaigns.models import CampaignPartner
from campaigns.tracker import services
from campaigns.tracker.errors import TrackerValidationError
from campaigns.tracker.models import ContributionKind

from . import notifications
from .models import Offer, OfferStatus

RECEIVED = "people.offer.received"
ACCEPTED = "people.offer.accepted"
DECLINED = "people.offer.declined"


def offers_for(user):
    """The offers ``user`` may see: staff see all; partner staff those of their campaigns."""
    queryset = Offer.objects.select_related("campaign", "region", "contribution")
    ids = services.partner_ids_for(user)
    if ids is None:
        return queryset
    campaign_ids = CampaignPartner.objects.filter(partner_id__in=ids).values("campaign_id")
    return queryset.filter(campaign_id__in=campaign_ids)


def receiving_partners(user, offer):
    """Partners ``user`` acts for that take part in the offer's campaign (staff: all of them)."""
    from campaigns.models import PartnerPage

    partner_ids = CampaignPartner.objects.filter(campaign_id=offer.campaign_id).values("partner_id")
    queryset = PartnerPage.objects.filter(pk__in=partner_ids).order_by("title")
    ids = services.partner_ids_for(user)
    return queryset if ids is None else queryset.filter(pk__in=ids)


@transaction.atomic
def submit(campaign, **fields):
    """Keep an offer from the public form (already validated) and acknowledge it."""
    offer = Offer.objects.create(campaign=services.source_of(campaign), **fields)
    log(offer, RECEIVED, user=None)
    if offer.email:
        transaction.on_commit(lambda: notifications.send_offer_received(offer))
    return offer


def _refuse_unless_pending(offer):
    if offer.status != OfferStatus.PENDING:
        raise TrackerValidationError(
            {
                "status": [
                    _("This offer was already decided: %(status)s.")
                    % {"status": offer.get_status_display()}
                ]
            }
        )


def _check_may_decide(offer, user):
    if not offers_for(user).filter(pk=offer.pk).exists():
        raise services.TrackerPermissionDenied(
            _("You can only decide on offers made to your campaigns."), field="campaign"
        )


@transaction.atomic
def accept(offer, *, user, partner, need=None, note=""):
    """Turn the offer into a pledged contribution received by ``partner`` (user's own)."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    _refuse_unless_pending(offer)
    _check_may_decide(offer, user)
    partner = services.source_of(partner)
    if partner is None or not receiving_partners(user, offer).filter(pk=partner.pk).exists():
        raise TrackerValidationError(
            {"partner": [_("Choose one of your organisations taking part in this campaign.")]}
        )
    values = {
        "campaign": offer.campaign,
        "need": need,
        "partner": partner,
        "kind": offer.kind,
        "donor_name": offer.name,
        "donor_name_public": offer.name_public,
        "donor_contact": "\n".join(filter(None, [offer.email, offer.phone])),
        "reference": f"offer-{offer.pk}",
        "note": note,
    }
    if offer.kind == ContributionKind.CASH:
        values.update(amount=offer.amount, currency=offer.currency)
    else:
        values.update(quantity=offer.quantity, unit=offer.unit)
    contribution = services.record_contribution(
        user=user, source="offer", status="pledged", **values
    )
    offer.status = OfferStatus.ACCEPTED
    offer.contribution = contribution
    offer.decided_by = user
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "contribution", "decided_by", "decided_at"])
    log(offer, ACCEPTED, user=user, data={"contribution_id": contribution.pk})
    if offer.email:
        transaction.on_commit(lambda: notifications.send_offer_decision(offer))
    return offer


@transaction.atomic
def decline(offer, *, user, reason):
    """Decline the offer; the reason is kept and sent to the person."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    _refuse_unless_pending(offer)
    reason = (reason or "").strip()
    if not reason:
        raise TrackerValidationError({"decline_reason": [_("Say why the offer is declined.")]})
    _check_may_decide(offer, user)
    offer.status = OfferStatus.DECLINED
    offer.decline_reason = reason[:1000]
    offer.decided_by = user
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    log(offer, DECLINED, user=user)
    if offer.email:
        transaction.on_commit(lambda: notifications.send_offer_decision(offer))
    return offer
