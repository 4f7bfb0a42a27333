from .appeal import AppealPage
from .campaign import CampaignPage, CampaignPartner, CampaignState, localized_partners
from .giving import ChannelKind, GivingChannel
from .partner import PartnerIndexPage, PartnerPage
from .standard import StandardPage

__all__ = [
    "AppealPage",
    "CampaignPage",
    "CampaignPartner",
    "CampaignState",
    "ChannelKind",
    "GivingChannel",
    "PartnerIndexPage",
    "PartnerPage",
    "StandardPage",
    "localized_partners",
]
