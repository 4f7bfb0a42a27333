from .invitation import Invitation, InvitationStatus
from .offer import DETAILS as OFFER_DETAILS
from .offer import Offer, OfferStatus

__all__ = ["OFFER_DETAILS", "Invitation", "InvitationStatus", "Offer", "OfferStatus"]
