"""``/api/v1/overview/``: every live campaign's figures together, per currency."""

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from campaigns.countries import currency_conventions
from campaigns.tracker.overview import regional_overview
from portal.localization.conventions import activate
from portal.localization.numbers import format_money

from ..schema import LOCALE_PARAMETER, read_responses
from ..serializers.fields import DecimalText
from .base import TrackerAPIViewSet


class OverviewMoneySerializer(serializers.Serializer):
    currency = serializers.CharField(help_text="ISO 4217 code; sums are never mixed.")
    pledged = DecimalText(help_text="Promised, not yet received, in this currency.")
    received = DecimalText(help_text="Received or already distributed, in this currency.")
    distributed = DecimalText(help_text="Distributed, in this currency.")
    received_display = serializers.SerializerMethodField(
        help_text="The received sum as the site prints it, in the language asked for (in "
        "Arabic with the conventions of the member state issuing the currency)."
    )
    campaigns = serializers.IntegerField(help_text="Campaigns that collected this currency.")

    def get_received_display(self, row) -> str:
        # An amount outside any campaign: in its member state's conventions (JOD as in
        # Jordan), the site's for EUR or USD, as on the home page.
        with (
            translation.override(self.context.get("language")),
            activate(currency_conventions(row["currency"])),
        ):
            return format_money(row["received"], row["currency"])


class OverviewSerializer(serializers.Serializer):
    campaigns = serializers.IntegerField(help_text="Live campaigns counted.")
    countries = serializers.ListField(
        child=serializers.CharField(), help_text="ISO 3166-1 alpha-2 codes of their countries."
    )
    money = OverviewMoneySerializer(many=True)
    households_reached = serializers.IntegerField(
        allow_null=True,
        help_text=(
            "Households reached, summed over campaigns that publish theirs; null when fewer "
            "than `households_fewer_than` (privacy)."
        ),
    )
    households_fewer_than = serializers.IntegerField(
        allow_null=True,
        help_text=(
            "The small-number threshold when `households_reached` is null (the sum is "
            "withheld), else null: as in a campaign's figures."
        ),
    )
    campaigns_below_threshold = serializers.IntegerField(
        help_text="Campaigns that reached fewer households than the threshold: left out of "
        "the sum, so that their count cannot be derived from it."
    )


@extend_schema(tags=["campaigns"])
class OverviewViewSet(TrackerAPIViewSet):
    """The regional overview across every live campaign: money per currency, households."""

    serializer_class = OverviewSerializer
    pagination_class = None

    # Not a "list" action: the answer is one object, and the schema says so.
    @extend_schema(parameters=[LOCALE_PARAMETER], responses=read_responses(OverviewSerializer))
    def overview(self, request, *args, **kwargs):
        serializer = OverviewSerializer(regional_overview(), context=self.get_serializer_context())
        return Response(serializer.data)
