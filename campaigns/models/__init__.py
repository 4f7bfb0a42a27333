from .campaign import CampaignPage, CampaignPartner, localized_partners
from .partner import PartnerIndexPage, PartnerPage
from .standard import StandardPage

__all__ = [
    "CampaignPage",
    "CampaignPartner",
    "PartnerIndexPage",
    "PartnerPage",
    "StandardPage",
    "localized_partners",
]
