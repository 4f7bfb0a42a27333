"""Keeping the running totals (``ContributionTally``, ``DeliveryTally``) in step with entries.

Each service takes an entry's bucket before and after its write and moves the entry's
figures from one to the other, inside the write's transaction.

A bucket's figures may be spread over several rows (``TALLY_SHARDS`` of them, by the writing
thread): an UPDATE locks its row until the write commits, so gifts recorded at once for the
same need, all in one bucket, queued behind each other's COMMIT (a campaign day's API writes
at 20/s waited 170-320 ms each for the row, make bench with PostgreSQL's statement log).
Every reader sums a bucket's rows (``campaigns.tracker.aggregates``, ``sums``, ``households``);
a rebuild writes one row per bucket.
"""

import os
import threading
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from ..models import Contribution, Delivery
from ..models.tally import ContributionTally, DeliveryTally


def contribution_bucket(contribution):
    """(bucket fields, value) of a contribution."""
    fields = {
        "campaign_id": contribution.campaign_id,
        "need_id": contribution.need_id,
        "partner_id": contribution.partner_id,
        "kind": contribution.kind,
        "currency": contribution.currency or "",
        "unit": contribution.unit or "",
        "status": contribution.status,
    }
    return fields, contribution.value or Decimal(0)


def delivery_bucket(delivery):
    fields = {
        "campaign_id": delivery.campaign_id,
        "need_id": delivery.need_id,
        "partner_id": delivery.partner_id,
        "region_id": delivery.region_id,
        "confirmed": delivery.confirmed_at is not None,
    }
    return fields, delivery.quantity, delivery.households_reached


TALLY_SHARDS = 8


def _key(fields, shard=0):
    key = ":".join("-" if v is None else str(v) for v in fields.values())
    return f"{key}:{shard}" if shard else key


def _shard():
    """This thread's row of a bucket (0 to ``TALLY_SHARDS`` - 1): the threads of one process
    write different rows, so concurrent writes to one bucket rarely wait for each other."""
    return hash((os.getpid(), threading.get_ident())) % TALLY_SHARDS


def _add(model, fields, changes):
    """Apply ``changes`` (F() expressions) to this thread's tally row of ``fields``, creating
    it first if it does not exist yet: one UPDATE when it exists, as it does for all but the
    first entries of a bucket."""
    key = _key(fields, _shard())
    if not model.objects.filter(key=key).update(**changes):
        tally, _created = model.objects.get_or_create(key=key, defaults=fields)
        model.objects.filter(pk=tally.pk).update(**changes)


def _add_contribution(bucket, sign):
    fields, value = bucket
    _add(
        ContributionTally, fields, {"total": F("total") + sign * value, "count": F("count") + sign}
    )


def _add_delivery(bucket, sign):
    fields, quantity, households = bucket
    _add(
        DeliveryTally,
        fields,
        {
            "quantity": F("quantity") + sign * quantity,
            "households": F("households") + sign * households,
            "count": F("count") + sign,
        },
    )


def move_contribution(before, after):
    """Move a contribution's figures from bucket ``before`` to ``after`` (either may be None)."""
    if before == after:
        return
    if before is not None:
        _add_contribution(before, -1)
    if after is not None:
        _add_contribution(after, 1)


def move_delivery(before, after):
    if before == after:
        return
    if before is not None:
        _add_delivery(before, -1)
    if after is not None:
        _add_delivery(after, 1)


@transaction.atomic
def rebuild(campaign_id=None):
    """Recompute every running total from the entries (all campaigns, or one)."""
    contributions = Contribution.objects.all()
    deliveries = Delivery.objects.all()
    if campaign_id is not None:
        contributions = contributions.filter(campaign_id=campaign_id)
        deliveries = deliveries.filter(campaign_id=campaign_id)
        ContributionTally.objects.filter(campaign_id=campaign_id).delete()
        DeliveryTally.objects.filter(campaign_id=campaign_id).delete()
    else:
        ContributionTally.objects.all().delete()
        DeliveryTally.objects.all().delete()
    c_fields = ["campaign_id", "need_id", "partner_id", "kind", "currency", "unit", "status"]
    rows = contributions.values(*c_fields).annotate(
        sum=Coalesce(Sum(Coalesce("amount", "quantity")), Decimal(0)), n=Count("id")
    )
    ContributionTally.objects.bulk_create(
        ContributionTally(
            key=_key({k: row[k] for k in c_fields}),
            total=row["sum"],
            count=row["n"],
            **{k: row[k] for k in c_fields},
        )
        for row in rows.order_by()
    )
    d_fields = ["campaign_id", "need_id", "partner_id", "region_id"]
    rows = (
        deliveries.annotate(is_confirmed=Q(confirmed_at__isnull=False))
        .values(*d_fields, "is_confirmed")
        .annotate(q=Sum("quantity"), h=Sum("households_reached"), n=Count("id"))
    )
    DeliveryTally.objects.bulk_create(
        DeliveryTally(
            key=_key({**{k: row[k] for k in d_fields}, "confirmed": row["is_confirmed"]}),
            confirmed=row["is_confirmed"],
            quantity=row["q"],
            households=row["h"],
            count=row["n"],
            **{k: row[k] for k in d_fields},
        )
        for row in rows.order_by()
    )
