"""Running totals kept beside the entries, so campaign figures cost the same at any size.

The services update these in the same transaction as each entry (one bucket per campaign,
need, partner, kind, currency, unit and status), so a campaign's totals are an aggregate
over a few hundred buckets instead of every contribution. ``services.tallies.rebuild``
recomputes them from the entries.
"""

from django.db import models

from .need import MONEY, QUANTITY

TOTAL = {
    "max_digits": 24,
    "decimal_places": max(MONEY["decimal_places"], QUANTITY["decimal_places"]),
}


class ContributionTally(models.Model):
    """The sum and count of contributions sharing one bucket."""

    key = models.CharField(max_length=120, unique=True)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="+"
    )
    need = models.ForeignKey(
        "tracker.Need", null=True, on_delete=models.CASCADE, related_name="contribution_tallies"
    )
    partner = models.ForeignKey("campaigns.PartnerPage", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10)
    currency = models.CharField(max_length=3, blank=True)
    unit = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=12)
    total = models.DecimalField(default=0, **TOTAL)
    count = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self):
        return self.key


class DeliveryTally(models.Model):
    """The quantity, households and count of deliveries sharing one bucket."""

    key = models.CharField(max_length=120, unique=True)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="+"
    )
    need = models.ForeignKey(
        "tracker.Need", on_delete=models.CASCADE, related_name="delivery_tallies"
    )
    partner = models.ForeignKey("campaigns.PartnerPage", on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("tracker.Region", on_delete=models.CASCADE, related_name="+")
    confirmed = models.BooleanField()
    quantity = models.DecimalField(default=0, **TOTAL)
    households = models.BigIntegerField(default=0)
    count = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["campaign", "confirmed"])]

    def __str__(self):
        return self.key
