from .appeal import AppealPage
from .campaign import CampaignPage, CampaignPartner, CampaignState
from .campaign_index import CampaignIndexPage
from .giving import ChannelKind, GivingChannel
from .partner import PartnerIndexPage, PartnerPage
from .partner_links import localized_partners
from .standard import StandardPage

__all__ = [
    "AppealPage",
    "CampaignIndexPage",
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
