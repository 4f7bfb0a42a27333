"""Campaign figures as the public sees them (``campaigns.tracker.aggregates.totals_for``)."""

from rest_framework import serializers

from .fields import DecimalText


class MoneyTotalSerializer(serializers.Serializer):
    currency = serializers.CharField(help_text="ISO 4217; sums are never mixed across currencies.")
    pledged = DecimalText(help_text="Promised, not yet received.")
    received = DecimalText(help_text="Received (including what was already distributed).")
    distributed = DecimalText()
    count = serializers.IntegerField()


class InKindTotalSerializer(serializers.Serializer):
    unit = serializers.CharField()
    pledged = DecimalText()
    received = DecimalText()
    distributed = DecimalText()
    count = serializers.IntegerField()


class DeliveredTotalSerializer(serializers.Serializer):
    unit = serializers.CharField(allow_blank=True)
    currency = serializers.CharField(allow_blank=True)
    quantity = DecimalText(help_text="Confirmed deliveries only.")


class NeedCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    open = serializers.IntegerField()
    met = serializers.IntegerField()
    closed = serializers.IntegerField()


class TotalsSerializer(serializers.Serializer):
    contributions = serializers.IntegerField(help_text="Contributions not cancelled.")
    money = MoneyTotalSerializer(many=True)
    in_kind = InKindTotalSerializer(many=True)
    delivered = DeliveredTotalSerializer(many=True)
    households_reached = serializers.IntegerField(
        allow_null=True, help_text="Null when withheld (small numbers; see docs/security.md)."
    )
    households_fewer_than = serializers.IntegerField(
        allow_null=True, help_text="Set when the count itself is below this threshold."
    )
    households_not_counted = serializers.IntegerField(
        help_text="Needs left out of `households_reached`: each reached 1 to 9 households."
    )
    deliveries = serializers.IntegerField(help_text="Confirmed deliveries.")
    deliveries_awaiting_confirmation = serializers.IntegerField()
    needs = NeedCountsSerializer()
    percent_met = DecimalText(help_text="Mean over needs of delivered / target (each ≤ 100).")


class CampaignTotalsSerializer(serializers.Serializer):
    campaign = serializers.IntegerField(help_text="The campaign's source id.")
    totals = TotalsSerializer()


class GroupTotalsSerializer(serializers.Serializer):
    key = serializers.CharField(
        allow_null=True,
        help_text="Category value, region code, partner id or need id (null: no need).",
    )
    totals = TotalsSerializer()


class CampaignTotalsByGroupSerializer(serializers.Serializer):
    campaign = serializers.IntegerField()
    by = serializers.ChoiceField(choices=["category", "region", "partner", "need"])
    groups = GroupTotalsSerializer(many=True)
