"""Recording aid handed out, and its confirmation by a second person."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import PartnerPage

from ..errors import Errors, TrackerValidationError
from ..history_log import Action
from ..models import Delivery, Need, Region, Source
from ..models.choices import COUNTED_AS_RECEIVED
from .common import (
    ACTION_PREFIX,
    actor,
    check_amount,
    check_choice,
    check_quantity,
    clean_reference,
    diff,
    history_of,
    log_change,
    plain,
    snapshot,
    source_of,
)
from .needs import _instance, to_date
from .scope import check_campaign, check_need, check_partner
from .tallies import delivery_bucket, move_delivery

DELIVERY_FIELDS = (
    "need",
    "partner",
    "region",
    "quantity",
    "delivered_on",
    "households_reached",
    "reference",
    "note",
)
# Changing one of these on a confirmed delivery asks for a new confirmation.
CONFIRMED_FIGURES = ("need", "region", "quantity", "delivered_on", "households_reached")
# The largest count the households column holds on every database (PostgreSQL's integer).
MAX_HOUSEHOLDS = 2_147_483_647


def received_for(need):
    """What was received for ``need`` (in its unit or currency): received + distributed gifts."""
    return need.contributions.filter(status__in=COUNTED_AS_RECEIVED).aggregate(
        total=Coalesce(Sum(Coalesce("amount", "quantity")), Decimal(0))
    )["total"]


def delivered_for(need, exclude=None):
    """What was already recorded as delivered for ``need`` (confirmed or not)."""
    deliveries = need.deliveries.all()
    if exclude is not None:
        deliveries = deliveries.exclude(pk=exclude.pk)
    return deliveries.aggregate(total=Coalesce(Sum("quantity"), Decimal(0)))["total"]


def _households(errors, value):
    if value in (None, ""):
        return 0
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        number = None
    if number is None or isinstance(value, bool) or number < 0:
        errors.add("households_reached", _("Enter a whole number, 0 or more."), "invalid")
        return None
    if number > MAX_HOUSEHOLDS:
        errors.add("households_reached", _("This number is too large."), "too_large")
        return None
    return number


def _today_where(need):
    # The campaign's own date: at 00:30 in Amman on 2 January a delivery of that day is
    # not "in the future", though it is still 1 January in the site's time zone.
    return need.campaign.local_today() if need else timezone.localdate()


def clean_delivery(values, errors=None):
    """Validate a delivery's fields (``values`` is the whole entry); returns clean values."""
    errors = errors or Errors()
    clean = {}
    need = _instance(errors, "need", values.get("need"), Need, _("Choose the need."))
    need = clean["need"] = source_of(need) if need else None
    partner = values.get("partner") or (need.partner if need else None)
    partner = _instance(
        errors, "partner", partner, PartnerPage, _("Choose the distributing partner.")
    )
    clean["partner"] = source_of(partner) if partner else None
    region = values.get("region") or (need.region if need else None)
    region = _instance(errors, "region", region, Region, _("Choose a region."))
    if region and need and region.country != need.campaign.country:
        errors.add("region", _("This region is not in the campaign's country."), "wrong_country")
    clean["region"] = region
    if need and need.is_cash:
        clean["quantity"] = check_amount(errors, "quantity", values.get("quantity"), need.currency)
    else:
        clean["quantity"] = check_quantity(errors, "quantity", values.get("quantity"))
    day = to_date(errors, "delivered_on", values.get("delivered_on"))
    if day is None and "delivered_on" not in errors:
        errors.add("delivered_on", _("Enter the date of the delivery."), "required")
    elif day and day > _today_where(need):
        errors.add("delivered_on", _("A delivery cannot be in the future."), "future")
    clean["delivered_on"] = day
    clean["households_reached"] = _households(errors, values.get("households_reached"))
    reference = clean_reference(values.get("reference"))
    if len(reference) > 100:
        errors.add("reference", _("At most 100 characters."), "too_long")
    clean["reference"] = reference
    clean["note"] = (values.get("note") or "").strip()
    errors.raise_if_any()
    return clean


def _check_owner(user, clean):
    """The need is the user's organisation's, so is the distributing partner, and the
    need's campaign lists that organisation among its partners."""
    check_need(user, clean["need"])  # first: a delivery without partner is the need's
    check_partner(user, clean["partner"])
    check_campaign(user, clean["need"].campaign, clean["partner"], field="need")


def _check_received(need, quantity, override, override_reason, exclude=None):
    """Refuse more than was received for the need, unless an override with a reason."""
    received = received_for(need)
    delivered = delivered_for(need, exclude=exclude)
    if delivered + quantity <= received:
        return False
    if override and (override_reason or "").strip():
        return True
    if override:
        raise TrackerValidationError(
            {"override_reason": [_("Say why this delivery may exceed what was received.")]}
        )
    raise TrackerValidationError(
        {
            "quantity": [
                _(
                    "Only %(received)s %(unit)s were received for this need and %(delivered)s "
                    "already delivered: this delivery would exceed what was received."
                )
                % {
                    "received": plain(received),
                    "unit": need.unit_label,
                    "delivered": plain(delivered),
                }
            ]
        }
    )


@transaction.atomic
def record_delivery(*, user, source=Source.ADMIN, override=False, override_reason="", **values):
    """Record aid handed out for a need by ``values["partner"]`` (default: the need's partner).

    The default is the same in every channel (admin, API, import): a delivery without a
    partner is the need's responsible partner's, and a partner's staff may only name their
    own organisation's needs (else ``TrackerPermissionDenied`` on ``need``), in campaigns
    that list their organisation; nothing is written when refused.

    Fields: need, partner, region (default: the need's), quantity (in the need's unit or
    currency), delivered_on, households_reached (a count, never names), reference, note.
    More than was received for the need is refused (error on ``quantity``) unless
    ``override=True`` with an ``override_reason``, which is kept in the history.
    """
    unknown = set(values) - set(DELIVERY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown delivery fields: {sorted(unknown)}")
    errors = Errors()
    source = check_choice(errors, "source", source, Source)
    clean = clean_delivery(values, errors)
    _check_owner(user, clean)
    need = Need.objects.select_for_update().get(pk=clean["need"].pk)  # one check at a time
    _check_reference(clean)
    over = _check_received(need, clean["quantity"], override, override_reason)
    delivery = Delivery(
        **clean,
        campaign_id=need.campaign_id,
        over_received=over,
        override_reason=override_reason.strip() if over else "",
        source=source,
    )
    delivery.recorded_by = actor(user)
    delivery.save()
    move_delivery(None, delivery_bucket(delivery))
    log_change(
        delivery,
        Action.CREATED,
        user=user,
        source=source,
        changes={k: [None, v] for k, v in snapshot(delivery, DELIVERY_FIELDS).items()},
    )
    if over:
        log_change(
            delivery,
            Action.OVERRIDE,
            user=user,
            source=source,
            note=delivery.override_reason,
        )
    return delivery


def _check_reference(clean, instance=None):
    if not clean["reference"]:
        return
    taken = Delivery.objects.filter(partner=clean["partner"], reference=clean["reference"])
    if instance is not None:
        taken = taken.exclude(pk=instance.pk)
    if taken.exists():
        raise TrackerValidationError(
            {
                "reference": [
                    _("Your organisation already used the reference “%(ref)s”.")
                    % {"ref": clean["reference"]}
                ]
            }
        )


@transaction.atomic
def confirm_delivery(delivery, *, user, source=Source.ADMIN):
    """A second person confirms the delivery; only then does it count in public figures.

    The person who recorded it cannot confirm it (error on ``confirmed_by``).
    """
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    check_partner(user, delivery.partner)
    if delivery.is_confirmed:
        return delivery
    by = actor(user)
    if by is not None and by.pk in {delivery.recorded_by_id, _figures_last_changed_by(delivery)}:
        message = _(
            "The person who recorded a delivery, or last changed its figures, cannot confirm "
            "it: another person of the organisation must."
        )
        raise TrackerValidationError({"confirmed_by": [message]})
    bucket = delivery_bucket(delivery)
    delivery.confirmed_by = by
    delivery.confirmed_at = timezone.now()
    delivery.save(update_fields=["confirmed_by", "confirmed_at", "updated_at"])
    move_delivery(bucket, delivery_bucket(delivery))
    log_change(delivery, Action.CONFIRMED, user=user, source=source)
    return delivery


def _figures_last_changed_by(delivery):
    """The id of the person whose edit last changed the delivery's counted figures (None if
    nobody changed them since it was recorded): they may not confirm their own figures."""
    edits = history_of(delivery).filter(action=f"{ACTION_PREFIX}{Action.EDITED}").reverse()
    for data, user_id in edits.values_list("data", "user_id"):
        if set(data.get("changes") or {}) & set(CONFIRMED_FIGURES):
            return user_id
    return None


@transaction.atomic
def update_delivery(
    delivery, *, user, source=Source.ADMIN, override=False, override_reason="", **changes
):
    """Correct a delivery. Changing a confirmed delivery's figures asks for a new confirmation."""
    unknown = set(changes) - set(DELIVERY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown delivery fields: {sorted(unknown)}")
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    check_partner(user, delivery.partner)
    before = snapshot(delivery, DELIVERY_FIELDS)
    bucket = delivery_bucket(delivery)
    values = {name: getattr(delivery, name) for name in DELIVERY_FIELDS}
    values.update(changes)
    clean = clean_delivery(values)
    _check_owner(user, clean)
    need = Need.objects.select_for_update().get(pk=clean["need"].pk)
    _check_reference(clean, instance=delivery)
    over = _check_received(
        need,
        clean["quantity"],
        override or delivery.over_received,
        override_reason or delivery.override_reason,
        exclude=delivery,
    )
    for name, value in clean.items():
        setattr(delivery, name, value)
    delivery.campaign_id = need.campaign_id
    delivery.over_received = over
    delivery.override_reason = (override_reason or delivery.override_reason).strip() if over else ""
    changed = diff(before, snapshot(delivery, DELIVERY_FIELDS))
    if delivery.is_confirmed and set(changed) & set(CONFIRMED_FIGURES):
        changed["confirmed_at"] = [delivery.confirmed_at.isoformat(), None]
        delivery.confirmed_at = None
        delivery.confirmed_by = None
    delivery.save()
    move_delivery(bucket, delivery_bucket(delivery))
    if changed:
        log_change(delivery, Action.EDITED, user=user, source=source, changes=changed)
    if over and (override or override_reason):
        log_change(
            delivery,
            Action.OVERRIDE,
            user=user,
            source=source,
            note=delivery.override_reason,
        )
    return delivery
