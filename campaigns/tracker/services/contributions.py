"""Recording gifts and moving them forward: pledged → received → distributed (or cancelled)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage, PartnerPage

from ..errors import Errors, TrackerValidationError
from ..history_log import Action
from ..models import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    Need,
    Source,
    Unit,
)
from ..models.choices import CONTRIBUTION_TRANSITIONS
from .common import (
    actor,
    check_amount,
    check_choice,
    check_currency,
    check_quantity,
    clean_reference,
    diff,
    log_change,
    snapshot,
    source_of,
)
from .needs import _instance, to_date
from .scope import check_campaign, check_need, check_partner
from .tallies import contribution_bucket, move_contribution

DEFAULT_CURRENCY = "TND"
CONTRIBUTION_FIELDS = (
    "campaign",
    "need",
    "partner",
    "kind",
    "amount",
    "currency",
    "quantity",
    "unit",
    "donor_name",
    "donor_name_public",
    "donor_contact",
    "reference",
    "note",
)
STATUS_DATE = {
    ContributionStatus.PLEDGED: "pledged_at",
    ContributionStatus.RECEIVED: "received_at",
    ContributionStatus.DISTRIBUTED: "distributed_at",
    ContributionStatus.CANCELLED: "cancelled_at",
}


EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
LATEST = datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)


def to_datetime(errors, field, value):
    """An aware datetime from a datetime, a date (noon, local time) or an ISO string.

    A date outside [``EARLIEST``, ``LATEST``) is an error on ``field`` (code ``out_of_range``).
    """
    if value in (None, ""):
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = parse_datetime(text)
        except ValueError:
            parsed = None
        value = parsed if parsed is not None else to_date(errors, field, text)
        if value is None:
            return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(12))
    if isinstance(value, datetime.datetime):
        value = value if timezone.is_aware(value) else timezone.make_aware(value)
        if not EARLIEST <= value < LATEST:
            # Outside this range the site's time zone has odd historical offsets (or none):
            # such a date is a typing slip, and would not read back as RFC 3339.
            errors.add(
                field,
                _("Enter a date from %(first)s to %(last)s.")
                % {"first": EARLIEST.year, "last": LATEST.year - 1},
                "out_of_range",
            )
            return None
        return value
    errors.add(field, _("Enter a date."), "invalid")
    return None


def clean_contribution(values, errors=None, instance=None):
    """Validate a contribution's fields (``values`` is the whole entry); returns clean values."""
    errors = errors or Errors()
    clean = {}
    need = values.get("need")
    if need not in (None, ""):
        need = _instance(errors, "need", need, Need, "")
        need = source_of(need) if need else None
    clean["need"] = need or None
    campaign = values.get("campaign") or (need.campaign if need else None)
    campaign = _instance(errors, "campaign", campaign, CampaignPage, _("Choose a campaign."))
    clean["campaign"] = source_of(campaign) if campaign else None
    if need and clean["campaign"] and need.campaign_id != clean["campaign"].pk:
        errors.add("need", _("This need belongs to another campaign."), "wrong_campaign")
    partner = _instance(
        errors, "partner", values.get("partner"), PartnerPage, _("Choose the receiving partner.")
    )
    clean["partner"] = source_of(partner) if partner else None
    kind = check_choice(errors, "kind", values.get("kind"), ContributionKind)
    clean["kind"] = kind
    if kind == ContributionKind.CASH:
        # Blank: the need's currency, else the campaign's (its country's: JOD in Jordan).
        default = (need.currency if need else "") or (
            clean["campaign"].currency if clean["campaign"] else DEFAULT_CURRENCY
        )
        currency = check_currency(errors, "currency", values.get("currency") or default)
        clean.update(currency=currency, quantity=None, unit="")
        clean["amount"] = check_amount(errors, "amount", values.get("amount"), currency)
        if values.get("quantity") not in (None, ""):
            errors.add("quantity", _("A gift of money has an amount, not a quantity."), "invalid")
        if need and need.currency and currency and need.currency != currency:
            errors.add(
                "currency",
                _("This need is counted in %(currency)s.") % {"currency": need.currency},
                "wrong_currency",
            )
        elif need and not need.is_cash:
            errors.add("need", _("This need asks for aid in kind, not money."), "wrong_kind")
    elif kind == ContributionKind.IN_KIND:
        clean.update(amount=None, currency="")
        clean["quantity"] = check_quantity(errors, "quantity", values.get("quantity"))
        # Blank: the need's unit, as a cash gift's currency is the need's.
        unit = values.get("unit") or (need.unit if need else "")
        if not unit:
            errors.add("unit", _("Choose the unit of the quantity."), "required")
        clean["unit"] = check_choice(errors, "unit", unit, Unit, required=False)
        if values.get("amount") not in (None, ""):
            errors.add("amount", _("A gift in kind has a quantity, not an amount."), "invalid")
        if need and need.is_cash:
            errors.add("need", _("This need asks for money, not aid in kind."), "wrong_kind")
        elif need and clean["unit"] and need.unit != clean["unit"]:
            errors.add(
                "unit",
                _("This need is counted in %(unit)s.") % {"unit": need.get_unit_display()},
                "wrong_unit",
            )
    name = (values.get("donor_name") or "").strip()
    if len(name) > 200:
        errors.add("donor_name", _("At most 200 characters."), "too_long")
    clean["donor_name"] = name
    clean["donor_name_public"] = bool(values.get("donor_name_public")) and bool(name)
    clean["donor_contact"] = (values.get("donor_contact") or "").strip()
    clean["note"] = (values.get("note") or "").strip()
    reference = clean_reference(values.get("reference"))
    if len(reference) > 100:
        errors.add("reference", _("At most 100 characters."), "too_long")
    elif reference and clean["partner"]:
        taken = Contribution.objects.filter(partner=clean["partner"], reference=reference)
        if instance is not None:
            taken = taken.exclude(pk=instance.pk)
        if taken.exists():
            errors.add(
                "reference",
                _("Your organisation already used the reference “%(ref)s”.") % {"ref": reference},
                "duplicate",
            )
    clean["reference"] = reference
    errors.raise_if_any()
    return clean


@transaction.atomic
def record_contribution(
    *,
    user,
    source=Source.ADMIN,
    status=ContributionStatus.PLEDGED,
    pledged_at=None,
    received_at=None,
    distributed_at=None,
    cancelled_at=None,
    **values,
):
    """Record a gift received by ``values["partner"]`` (which ``user`` must act for).

    For a partner's staff (not for staff), the need must be their organisation's (else
    ``TrackerPermissionDenied`` on ``need``) and the campaign must list the partner (on
    ``campaign``); nothing is written when refused.

    Fields: campaign (or taken from need), need, partner, kind ("cash" | "in_kind"),
    amount + currency (cash; TND by default), quantity + unit (in kind), donor_name,
    donor_name_public, donor_contact, reference, note. ``status`` may start past
    "pledged" (e.g. a gift received on the spot); the dates of the steps default to now.
    """
    unknown = set(values) - set(CONTRIBUTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contribution fields: {sorted(unknown)}")
    errors = Errors()
    status = check_choice(errors, "status", status, ContributionStatus)
    source = check_choice(errors, "source", source, Source)
    dates = {
        "pledged_at": to_datetime(errors, "pledged_at", pledged_at),
        "received_at": to_datetime(errors, "received_at", received_at),
        "distributed_at": to_datetime(errors, "distributed_at", distributed_at),
        "cancelled_at": to_datetime(errors, "cancelled_at", cancelled_at),
    }
    clean = clean_contribution(values, errors)
    _check_owner(user, clean)
    now = timezone.now()
    steps = {
        ContributionStatus.PLEDGED: ["pledged_at"],
        ContributionStatus.RECEIVED: ["pledged_at", "received_at"],
        ContributionStatus.DISTRIBUTED: ["pledged_at", "received_at", "distributed_at"],
        ContributionStatus.CANCELLED: ["pledged_at", "cancelled_at"],
    }[ContributionStatus(status)]
    for name in steps:
        dates[name] = dates[name] or now
    for name in set(dates) - set(steps):
        dates[name] = None
    _check_date_order(dates)
    contribution = Contribution(**clean, **dates, status=status, source=source)
    contribution.created_by = actor(user)
    contribution.save()
    move_contribution(None, contribution_bucket(contribution))
    log_change(
        contribution,
        Action.CREATED,
        user=user,
        source=source,
        changes={
            k: [None, v]
            for k, v in snapshot(contribution, (*CONTRIBUTION_FIELDS, "status")).items()
            if k != "donor_contact"
        },
    )
    return contribution


def _check_owner(user, clean):
    """The need (if any) is the user's organisation's, so is the receiving partner, and the
    campaign lists that organisation among its partners."""
    check_partner(user, clean["partner"])
    check_need(user, clean["need"])
    check_campaign(user, clean["campaign"], clean["partner"])


def _check_date_order(dates):
    order = ["pledged_at", "received_at", "distributed_at"]
    known = [(name, dates[name]) for name in order if dates.get(name)]
    for (_before, earlier), (name, later) in zip(known, known[1:], strict=False):
        if later < earlier:
            raise TrackerValidationError({name: [_("This date is before the previous step's.")]})


def _locked(contribution):
    return Contribution.objects.select_for_update().get(pk=contribution.pk)


@transaction.atomic
def update_contribution(contribution, *, user, source=Source.ADMIN, **changes):
    """Correct a contribution's fields (not its status: see ``change_contribution_status``)."""
    unknown = set(changes) - set(CONTRIBUTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contribution fields: {sorted(unknown)}")
    contribution = _locked(contribution)
    check_partner(user, contribution.partner)
    before = snapshot(contribution, CONTRIBUTION_FIELDS)
    bucket = contribution_bucket(contribution)
    values = {name: getattr(contribution, name) for name in CONTRIBUTION_FIELDS}
    values.update(changes)
    clean = clean_contribution(values, instance=contribution)
    _check_owner(user, clean)
    for name, value in clean.items():
        setattr(contribution, name, value)
    contribution.save()
    move_contribution(bucket, contribution_bucket(contribution))
    changed = diff(before, snapshot(contribution, CONTRIBUTION_FIELDS))
    if "donor_contact" in changed:
        changed["donor_contact"] = ["…", "…"]  # private: the history says it changed, not to what
    if changed:
        log_change(contribution, Action.EDITED, user=user, source=source, changes=changed)
    return contribution


@transaction.atomic
def change_contribution_status(
    contribution, status, *, user, at=None, source=Source.ADMIN, note=""
):
    """Move a gift forward: pledged → received → distributed, or pledged → cancelled.

    A backward move (e.g. distributed → pledged) is refused with an error on ``status``.
    ``at`` is when it happened (default: now); skipped steps get the same date.
    """
    contribution = _locked(contribution)
    check_partner(user, contribution.partner)
    errors = Errors()
    status = check_choice(errors, "status", status, ContributionStatus)
    when = to_datetime(errors, "at", at) or timezone.now()
    errors.raise_if_any()
    if status == contribution.status:
        return contribution
    old = ContributionStatus(contribution.status)
    if status not in CONTRIBUTION_TRANSITIONS[old]:
        raise TrackerValidationError(
            {
                "status": [
                    _("A contribution cannot go from “%(old)s” to “%(new)s”.")
                    % {"old": old.label, "new": ContributionStatus(status).label}
                ]
            }
        )
    changes = {"status": [old.value, status]}
    fields = ["status", "updated_at"]
    targets = [STATUS_DATE[ContributionStatus(status)]]
    if status == ContributionStatus.DISTRIBUTED and contribution.received_at is None:
        targets.insert(0, "received_at")
    for name in targets:
        changes[name] = [None, when.isoformat()]
        setattr(contribution, name, when)
        fields.append(name)
    _check_date_order(
        {n: getattr(contribution, n) for n in ("pledged_at", "received_at", "distributed_at")}
    )
    bucket = contribution_bucket(contribution)
    contribution.status = status
    contribution.save(update_fields=fields)
    move_contribution(bucket, contribution_bucket(contribution))
    log_change(
        contribution,
        Action.STATUS,
        user=user,
        source=source,
        changes=changes,
        note=note,
    )
    return contribution
