from .choices import (
    Category,
    ContributionKind,
    ContributionStatus,
    NeedStatus,
    Source,
    Unit,
    Urgency,
)
from .entries import Contribution, Delivery
from .log import ScopedLogEntry
from .membership import PartnerMembership
from .need import Need
from .region import Region
from .tally import ContributionTally, DeliveryTally

__all__ = [
    "Category",
    "Contribution",
    "ContributionKind",
    "ContributionStatus",
    "ContributionTally",
    "Delivery",
    "DeliveryTally",
    "Need",
    "NeedStatus",
    "PartnerMembership",
    "Region",
    "ScopedLogEntry",
    "Source",
    "Unit",
    "Urgency",
]
