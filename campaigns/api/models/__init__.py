from .idempotency import IdempotencyRecord
from .keys import SCOPES, PartnerApiKey, Scope

__all__ = ["SCOPES", "IdempotencyRecord", "PartnerApiKey", "Scope"]
