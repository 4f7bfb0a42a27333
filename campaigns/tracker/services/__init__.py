"""The tracker's one service layer: the admin, the API and CSV imports all call these.

Every function takes the acting ``user`` (or ``SYSTEM``), checks that the user acts for the
entry's partner, validates every field, writes atomically and keeps the entry's history.
Errors: ``TrackerValidationError`` (field → messages) and ``TrackerPermissionDenied``.
"""

from ..errors import TrackerPermissionDenied, TrackerValidationError
from .common import SYSTEM, clean_reference, history_of, source_of
from .contributions import (
    change_contribution_status,
    clean_contribution,
    record_contribution,
    update_contribution,
)
from .deliveries import (
    clean_delivery,
    confirm_delivery,
    delivered_for,
    received_for,
    record_delivery,
    update_delivery,
)
from .needs import change_need_status, clean_need, create_need, update_need
from .scope import (
    ActingFor,
    act_only_for,
    add_member,
    campaigns_for,
    can_see_all,
    check_campaign,
    check_need,
    check_partner,
    default_campaign,
    default_partner,
    partner_ids_for,
    partners_for,
    remove_member,
    scope_queryset,
)

__all__ = [
    "SYSTEM",
    "clean_reference",
    "ActingFor",
    "act_only_for",
    "campaigns_for",
    "check_campaign",
    "check_need",
    "TrackerPermissionDenied",
    "TrackerValidationError",
    "add_member",
    "can_see_all",
    "change_contribution_status",
    "change_need_status",
    "check_partner",
    "clean_contribution",
    "clean_delivery",
    "clean_need",
    "confirm_delivery",
    "create_need",
    "default_campaign",
    "default_partner",
    "delivered_for",
    "history_of",
    "partner_ids_for",
    "partners_for",
    "received_for",
    "record_contribution",
    "record_delivery",
    "remove_member",
    "scope_queryset",
    "source_of",
    "update_contribution",
    "update_delivery",
    "update_need",
]
