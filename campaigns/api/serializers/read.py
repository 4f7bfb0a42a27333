"""Public read serializers: only what anyone may see (never donor contact, notes or staff).

A field is listed here on purpose; adding a model field never makes it public by accident.
Entry ids of campaigns, partners and needs are their source (Arabic) ids: translations share
one set of figures, so each entry is listed once whatever the language.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from campaigns.tracker.disclosure import Count
from campaigns.tracker.models import (
    Category,
    ContributionKind,
    ContributionStatus,
    NeedStatus,
    Region,
    Source,
    Unit,
    Urgency,
)

from .fields import DecimalText, RegionCode, key_of
from .figures import TotalsSerializer

LANGUAGE_HELP = "The language the text is in: the one asked for, or Arabic when not translated."


class RegionSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField(help_text="The name in the language asked for.")
    names = serializers.SerializerMethodField()

    class Meta:
        model = Region
        fields = ["code", "country", "name", "names"]

    def get_name(self, region) -> str:
        return region.name_in(self.context.get("language", "ar"))

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "ar": {"type": "string"},
                "fr": {"type": "string"},
                "en": {"type": "string"},
            },
        }
    )
    def get_names(self, region):
        return {"ar": region.name_ar, "fr": region.name_fr, "en": region.name_en}


class LocalizedPageMixin(serializers.Serializer):
    """A page (campaign or partner) with its title and address in the language asked for."""

    title = serializers.SerializerMethodField()
    title_language = serializers.SerializerMethodField(help_text=LANGUAGE_HELP)
    url = serializers.SerializerMethodField(help_text="The public page in that language.")

    def get_title(self, page) -> str:
        return page.l10n["title"]

    def get_title_language(self, page) -> str:
        return page.l10n["language"]

    def get_url(self, page) -> str | None:
        return page.l10n["object"].get_full_url(self.context.get("request"))


class PartnerSerializer(LocalizedPageMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    slug = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    website = serializers.CharField(read_only=True, help_text="Address of the website, or empty.")
    contact_email = serializers.CharField(read_only=True, help_text="Public address, or empty.")
    contact_phone = serializers.CharField(read_only=True)
    updated_at = serializers.DateTimeField(source="last_published_at", read_only=True)


class CampaignSerializer(LocalizedPageMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    slug = serializers.CharField(read_only=True)
    country = serializers.CharField(read_only=True)
    start_date = serializers.DateField(read_only=True)
    end_date = serializers.DateField(read_only=True)
    state = serializers.ChoiceField(choices=["upcoming", "running", "closed"], read_only=True)
    currency = serializers.CharField(
        read_only=True, help_text="ISO 4217: the country's unless the campaign overrides it."
    )
    time_zone = serializers.CharField(
        read_only=True, help_text="IANA zone whose midnight starts and ends the campaign."
    )
    cldr_locale = serializers.CharField(
        read_only=True, help_text="CLDR locale of its Arabic text (month names, signs)."
    )
    digits = serializers.ChoiceField(
        choices=["latn", "arab"], read_only=True, help_text="Digits of its Arabic text."
    )
    summary = serializers.SerializerMethodField()
    totals_url = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(source="last_published_at", read_only=True)

    def get_summary(self, page) -> str:
        return page.l10n["summary"]

    def get_totals_url(self, page) -> str:
        request = self.context.get("request")
        path = f"/api/v1/campaigns/{page.pk}/totals/"
        return request.build_absolute_uri(path) if request else path


class NeedFiguresSerializer(serializers.Serializer):
    pledged = DecimalText(help_text="Promised, not yet received (need's unit or currency).")
    received = DecimalText(help_text="Received or already distributed.")
    delivered = DecimalText(help_text="Handed out in confirmed deliveries.")
    households_reached = serializers.IntegerField(
        allow_null=True, help_text="Null when withheld (small numbers; see docs/security.md)."
    )
    households_fewer_than = serializers.IntegerField(
        allow_null=True, help_text="Set when the count itself is below this threshold."
    )
    contributions_count = serializers.IntegerField()
    percent_received = DecimalText()
    percent_met = DecimalText(help_text="Delivered / target, capped at 100.")


class NeedSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    campaign = serializers.IntegerField(source="campaign_id", read_only=True)
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    category = serializers.ChoiceField(choices=Category.choices, read_only=True)
    region = RegionCode(read_only=True)
    title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    text_language = serializers.SerializerMethodField(help_text=LANGUAGE_HELP)
    quantity = DecimalText(help_text="The target: units, or the amount for a cash need.")
    unit = serializers.ChoiceField(choices=Unit.choices, read_only=True, allow_blank=True)
    currency = serializers.CharField(read_only=True, allow_blank=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices, read_only=True)
    deadline = serializers.DateField(read_only=True, allow_null=True)
    status = serializers.ChoiceField(choices=NeedStatus.choices, read_only=True)
    figures = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def get_title(self, need) -> str:
        return need.l10n["title"] if hasattr(need, "l10n") else need.title

    def get_description(self, need) -> str:
        return need.l10n["description"] if hasattr(need, "l10n") else need.description

    def get_text_language(self, need) -> str:
        return need.l10n["language"] if hasattr(need, "l10n") else "ar"

    @extend_schema_field(NeedFiguresSerializer(allow_null=True))
    def get_figures(self, need):
        if not hasattr(need, "percent_met"):
            return None
        return NeedFiguresSerializer(need).data


class OwnerFieldsMixin:
    """Adds ``reference`` (the partner's own id) when the partner's own key reads its entry."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data.pop("reference", None)
        key = key_of(self)
        if key is not None and key.partner_id == instance.partner_id:
            data["reference"] = instance.reference
        return data


class ContributionSerializer(OwnerFieldsMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    campaign = serializers.IntegerField(source="campaign_id", read_only=True)
    need = serializers.IntegerField(source="need_id", read_only=True, allow_null=True)
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    kind = serializers.ChoiceField(choices=ContributionKind.choices, read_only=True)
    amount = DecimalText(allow_null=True, help_text="Cash only, in `currency`.")
    currency = serializers.CharField(read_only=True, allow_blank=True)
    quantity = DecimalText(allow_null=True, help_text="In kind only, in `unit`.")
    unit = serializers.ChoiceField(choices=Unit.choices, read_only=True, allow_blank=True)
    status = serializers.ChoiceField(choices=ContributionStatus.choices, read_only=True)
    pledged_at = serializers.DateTimeField(read_only=True, allow_null=True)
    received_at = serializers.DateTimeField(read_only=True, allow_null=True)
    distributed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    cancelled_at = serializers.DateTimeField(read_only=True, allow_null=True)
    donor_name = serializers.SerializerMethodField(
        help_text="The donor's name only if they agreed to show it; null means anonymous."
    )
    source = serializers.ChoiceField(choices=Source.choices, read_only=True)
    # Not read_only: the schema would then call it required, and anonymous reads omit it.
    reference = serializers.CharField(required=False, help_text="Only for the partner's own key.")
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def get_donor_name(self, contribution) -> str | None:
        return contribution.public_donor_name or None


class DeliverySerializer(OwnerFieldsMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    campaign = serializers.IntegerField(source="campaign_id", read_only=True)
    need = serializers.IntegerField(source="need_id", read_only=True)
    partner = serializers.IntegerField(source="partner_id", read_only=True)
    region = RegionCode(read_only=True)
    quantity = DecimalText(help_text="In the need's unit (or currency for a cash need).")
    delivered_on = serializers.DateField(read_only=True)
    households_reached = serializers.SerializerMethodField(
        help_text="Households reached, published only when they are the need's own published "
        "figure (its only confirmed delivery); else null, withheld (privacy)."
    )
    households_fewer_than = serializers.SerializerMethodField(
        help_text="Always null for a delivery: which delivery is small is never said."
    )
    confirmed = serializers.BooleanField(source="is_confirmed", read_only=True)
    confirmed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    over_received = serializers.BooleanField(read_only=True)
    source = serializers.ChoiceField(choices=Source.choices, read_only=True)
    # Not read_only: the schema would then call it required, and anonymous reads omit it.
    reference = serializers.CharField(required=False, help_text="Only for the partner's own key.")
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def _published(self, delivery):
        """The partner's own key reads its exact count; everyone else the published one
        (``DeliveryViewSet.prepare`` sets it: ``households.disclose_deliveries``)."""
        key = key_of(self)
        if key is not None and key.partner_id == delivery.partner_id:
            return Count(delivery.households_reached)
        return getattr(delivery, "published_households", None) or Count(None)

    def get_households_reached(self, delivery) -> int | None:
        return self._published(delivery).value

    def get_households_fewer_than(self, delivery) -> int | None:
        return self._published(delivery).fewer_than


class CampaignWithTotalsSerializer(CampaignSerializer):
    totals = serializers.SerializerMethodField()

    @extend_schema_field(TotalsSerializer)
    def get_totals(self, page):
        return TotalsSerializer(self.context["totals"]).data
