"""Write serializers: check the shape and types of a request, then hand it to the services.

They check only what JSON can get wrong (types, unknown fields, choices, ids that exist).
Every rule of the tracker (units, currencies, decimals, partners, forward-only statuses)
is the services' own: their errors come back as ``400``/``403`` naming the field.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from campaigns.models import CampaignPage, PartnerPage
from campaigns.tracker.models import (
    Category,
    ContributionKind,
    ContributionStatus,
    Need,
    Unit,
    Urgency,
)

from .fields import RegionCode, StrictSerializer, beyond_ids


def decimal_field(**kwargs):
    # No digits limit here: the services report too many decimals with their own message.
    return serializers.DecimalField(max_digits=None, decimal_places=None, **kwargs)


class IdRef(serializers.PrimaryKeyRelatedField):
    """A row by its id: a whole number (JSON integer, or its digits as text), as the schema
    says. DRF passes any value to the query, and Django turns ``1.9`` into ``1``: the write
    landed on another row. A boolean or a fraction is ``incorrect_type`` (400 naming the field)."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not (
            isinstance(data, int) or (isinstance(data, str) and data.strip().isdigit())
        ):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


class PageRef(IdRef):
    """A page by id. A page's id is its parent page's (a one-to-one key), which Django does not
    range-check as it does plain ids: a number no id can be is refused before the query."""

    def to_internal_value(self, data):
        if beyond_ids(data):
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class CampaignRef(PageRef):
    def __init__(self, **kwargs):
        super().__init__(queryset=CampaignPage.objects.all(), **kwargs)


class PartnerRef(PageRef):
    def __init__(self, **kwargs):
        super().__init__(queryset=PartnerPage.objects.all(), **kwargs)


class NeedRef(IdRef):
    def __init__(self, **kwargs):
        # With its campaign: a gift's or delivery's campaign is its need's (one query).
        super().__init__(queryset=Need.objects.select_related("campaign"), **kwargs)


PARTNER_HELP = _("Defaults to the key's own partner; another partner is refused (403).")
NEED_HELP = _("One of your organisation's needs; another organisation's is refused (403).")
DELIVERY_PARTNER_HELP = _(
    "Defaults to the need's responsible partner, which must be the key's own; another "
    "partner is refused (403)."
)


class NeedCreateSerializer(StrictSerializer):
    campaign = CampaignRef(help_text=_("Campaign id (any language's page)."))
    partner = PartnerRef(required=False, help_text=PARTNER_HELP)
    category = serializers.ChoiceField(choices=Category.choices)
    region = RegionCode(help_text=_("ISO 3166-2 code, e.g. TN-42."))
    title = serializers.CharField(max_length=200, help_text=_("In the campaign's language."))
    description = serializers.CharField(required=False, allow_blank=True)
    quantity = decimal_field(help_text=_("Units needed, or the amount for a cash need."))
    unit = serializers.ChoiceField(choices=Unit.choices, required=False, allow_blank=True)
    currency = serializers.CharField(max_length=3, required=False, allow_blank=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False)
    deadline = serializers.DateField(required=False, allow_null=True)


class ContributionCreateSerializer(StrictSerializer):
    need = NeedRef(required=False, allow_null=True, help_text=NEED_HELP)
    campaign = CampaignRef(required=False, help_text=_("Defaults to the need's campaign."))
    partner = PartnerRef(required=False, help_text=PARTNER_HELP)
    kind = serializers.ChoiceField(choices=ContributionKind.choices)
    amount = decimal_field(required=False, allow_null=True, help_text=_("Cash only."))
    currency = serializers.CharField(
        max_length=3,
        required=False,
        help_text=_("ISO 4217 code; default: the need's, else the campaign's (its country's)."),
    )
    quantity = decimal_field(required=False, allow_null=True, help_text=_("In kind only."))
    unit = serializers.ChoiceField(choices=Unit.choices, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=ContributionStatus.choices, required=False)
    donor_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    donor_name_public = serializers.BooleanField(
        required=False, help_text=_("True only if the donor agreed to show their name.")
    )
    donor_contact = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        help_text=_("Private: stored for the partner, never returned."),
    )
    reference = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_("Your own id for this gift (unique for your organisation)."),
    )
    note = serializers.CharField(required=False, allow_blank=True, write_only=True)
    pledged_at = serializers.DateTimeField(required=False, allow_null=True)
    received_at = serializers.DateTimeField(required=False, allow_null=True)
    distributed_at = serializers.DateTimeField(required=False, allow_null=True)


STATUS_CHANGES = [c for c in ContributionStatus.choices if c[0] != ContributionStatus.PLEDGED]


class ContributionStatusSerializer(StrictSerializer):
    status = serializers.ChoiceField(
        choices=STATUS_CHANGES,
        help_text=_("Forward only: pledged → received → distributed, or pledged → cancelled."),
    )
    at = serializers.DateTimeField(required=False, allow_null=True, help_text=_("Default: now."))
    note = serializers.CharField(required=False, allow_blank=True, write_only=True)


class DeliveryCreateSerializer(StrictSerializer):
    need = NeedRef(help_text=NEED_HELP)
    quantity = decimal_field(help_text=_("In the need's unit (or currency)."))
    delivered_on = serializers.DateField(help_text=_("Not in the future."))
    partner = PartnerRef(required=False, help_text=DELIVERY_PARTNER_HELP)
    region = RegionCode(required=False, help_text=_("Defaults to the need's region."))
    households_reached = serializers.IntegerField(required=False, min_value=0)
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True, write_only=True)
    override = serializers.BooleanField(
        required=False, help_text=_("Allow more than was received (with a reason).")
    )
    override_reason = serializers.CharField(required=False, allow_blank=True, write_only=True)


class EmptySerializer(StrictSerializer):
    """No body needed (an empty JSON object, or nothing)."""
