"""Small field types shared by the API serializers."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import models as api_models

# The largest id any table can hold (a 64-bit integer); a larger number names nothing, and
# SQLite cannot even be asked about it.
MAX_ID = 2**63 - 1


def beyond_ids(value):
    """True if ``value`` is a number (or its digits) that no row's id can be."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return False
    try:
        number = int(value)
    except ValueError:
        return False  # not a number at all: the field says so in its own words
    return not 0 < number <= MAX_ID


@extend_schema_field({"type": "string", "format": "decimal", "example": "250.5"})
class DecimalText(serializers.Field):
    """A Decimal written as plain text (``"1500.250"`` → ``"1500.25"``), never as a float."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None:
            return None
        return format(Decimal(value).normalize(), "f")


@extend_schema_field(OpenApiTypes.STR)
class RegionCode(serializers.SlugRelatedField):
    """A region by its ISO 3166-2 code (``TN-42``)."""

    def __init__(self, **kwargs):
        from campaigns.tracker.models import Region

        kwargs.setdefault("slug_field", "code")
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", Region.objects.all())
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


def key_of(serializer):
    """The partner API key of the request being served, if any."""
    request = serializer.context.get("request")
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, api_models.PartnerApiKey) else None


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know (``400`` naming them) instead of ignoring them."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [serializers.ErrorDetail(str(_("Unknown field.")), "unknown")]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)
