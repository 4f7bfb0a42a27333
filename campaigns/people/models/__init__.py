from .invitation import Invitation, InvitationStatus
from .offer import Offer, OfferStatus

__all__ = ["Invitation", "InvitationStatus", "Offer", "OfferStatus"]
