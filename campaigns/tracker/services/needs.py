"""Recording and changing needs (one function per act; admin, API and imports call these)."""

import datetime

from django.db import transaction
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage, PartnerPage

from ..errors import Errors, TrackerValidationError
from ..history_log import Action
from ..models import Category, Need, NeedStatus, Region, Source, Unit, Urgency
from ..models.choices import NEED_TRANSITIONS
from .common import (
    actor,
    check_amount,
    check_choice,
    check_currency,
    check_quantity,
    diff,
    log_change,
    snapshot,
    source_of,
)
from .scope import check_campaign, check_partner

NEED_FIELDS = (
    "campaign",
    "partner",
    "category",
    "region",
    "title",
    "description",
    "quantity",
    "unit",
    "currency",
    "urgency",
    "deadline",
)
# Numbers, dates and links shared by every translation of a need.
SYNCHRONISED = (
    "campaign",
    "partner",
    "category",
    "region",
    "quantity",
    "unit",
    "currency",
    "urgency",
    "deadline",
    "status",
)


def to_date(errors, field, value):
    """A date from a ``date`` or an ISO ``YYYY-MM-DD`` string; ``None`` if empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        parsed = parse_date(str(value).strip())
    except ValueError:
        parsed = None
    if parsed is None:
        errors.add(field, _("Enter a date as YYYY-MM-DD."), "invalid")
    return parsed


def _instance(errors, field, value, model, message):
    if isinstance(value, model):
        return value
    if value in (None, ""):
        errors.add(field, message, "required")
        return None
    errors.add(field, _("Unknown %(what)s.") % {"what": model._meta.verbose_name}, "invalid")
    return None


def clean_need(values, errors=None):
    """Validate a need's fields (``values`` is the whole need); returns the clean values."""
    errors = errors or Errors()
    clean = {}
    campaign = _instance(
        errors, "campaign", values.get("campaign"), CampaignPage, _("Choose a campaign.")
    )
    clean["campaign"] = source_of(campaign) if campaign else None
    partner = _instance(
        errors, "partner", values.get("partner"), PartnerPage, _("Choose the responsible partner.")
    )
    clean["partner"] = source_of(partner) if partner else None
    clean["category"] = check_choice(errors, "category", values.get("category"), Category)
    region = _instance(errors, "region", values.get("region"), Region, _("Choose a region."))
    if region and clean["campaign"] and region.country != clean["campaign"].country:
        errors.add("region", _("This region is not in the campaign's country."), "wrong_country")
    clean["region"] = region
    title = (values.get("title") or "").strip()
    if not title:
        errors.add("title", _("Give the need a title."), "required")
    elif len(title) > 200:
        errors.add("title", _("At most 200 characters."), "too_long")
    clean["title"] = title
    clean["description"] = (values.get("description") or "").strip()
    currency = (values.get("currency") or "").strip()
    if not currency and clean["category"] == Category.CASH and clean["campaign"]:
        currency = clean["campaign"].currency  # the country's: JOD in Jordan
    if clean["category"] == Category.CASH or currency:
        clean["currency"] = check_currency(errors, "currency", currency)
        clean["unit"] = ""
        if values.get("unit"):
            errors.add("unit", _("A cash need has a currency, not a unit."), "invalid")
        clean["quantity"] = check_amount(
            errors, "quantity", values.get("quantity"), clean["currency"]
        )
    else:
        clean["currency"] = ""
        if not values.get("unit"):
            errors.add("unit", _("Choose the unit of the quantity."), "required")
        clean["unit"] = check_choice(errors, "unit", values.get("unit"), Unit, required=False)
        clean["quantity"] = check_quantity(errors, "quantity", values.get("quantity"))
    clean["urgency"] = check_choice(
        errors, "urgency", values.get("urgency") or Urgency.MEDIUM, Urgency
    )
    clean["deadline"] = to_date(errors, "deadline", values.get("deadline"))
    errors.raise_if_any()
    return clean


def _sync_translations(need):
    """Copy the source need's numbers, dates and links onto its translations."""
    values = {
        field.attname: getattr(need, field.attname)
        for field in map(Need._meta.get_field, SYNCHRONISED)
    }
    Need.objects.filter(translation_key=need.translation_key).exclude(pk=need.pk).update(**values)


@transaction.atomic
def create_need(*, user, source=Source.ADMIN, status=NeedStatus.OPEN, **values):
    """Record a need for ``values["partner"]`` (which ``user`` must act for, in a campaign
    whose *Partners* list it, unless ``user`` is staff: else ``TrackerPermissionDenied``).

    Fields: campaign, partner, category, region, title, description, quantity, unit,
    currency, urgency, deadline. The need is created in the source campaign's locale.
    """
    unknown = set(values) - set(NEED_FIELDS)
    if unknown:
        raise TypeError(f"Unknown need fields: {sorted(unknown)}")
    errors = Errors()
    status = check_choice(errors, "status", status, NeedStatus)
    clean = clean_need(values, errors)
    check_partner(user, clean["partner"])
    check_campaign(user, clean["campaign"], clean["partner"])
    need = Need(**clean, status=status, locale_id=clean["campaign"].locale_id)
    need.created_by = actor(user)
    need.save()
    log_change(
        need,
        Action.CREATED,
        user=user,
        source=source,
        changes={k: [None, v] for k, v in snapshot(need, NEED_FIELDS + ("status",)).items()},
    )
    return need


def _locked_source(need, model=Need):
    need = source_of(need)
    return model.objects.select_for_update().get(pk=need.pk)


@transaction.atomic
def update_need(need, *, user, source=Source.ADMIN, **changes):
    """Change a need's fields (not its status: see ``change_need_status``)."""
    unknown = set(changes) - set(NEED_FIELDS)
    if unknown:
        raise TypeError(f"Unknown need fields: {sorted(unknown)}")
    need = _locked_source(need)
    check_partner(user, need.partner)
    before = snapshot(need, NEED_FIELDS)
    values = {name: getattr(need, name) for name in NEED_FIELDS}
    values.update(changes)
    clean = clean_need(values)
    check_partner(user, clean["partner"])
    check_campaign(user, clean["campaign"], clean["partner"])
    for name, value in clean.items():
        setattr(need, name, value)
    need.save()
    _sync_translations(need)
    changed = diff(before, snapshot(need, NEED_FIELDS))
    if changed:
        log_change(need, Action.EDITED, user=user, source=source, changes=changed)
    return need


@transaction.atomic
def change_need_status(need, status, *, user, source=Source.ADMIN, note=""):
    """Move a need forward: open → met → closed (or open → closed); never back."""
    need = _locked_source(need)
    check_partner(user, need.partner)
    errors = Errors()
    status = check_choice(errors, "status", status, NeedStatus)
    errors.raise_if_any()
    if status == need.status:
        return need
    if status not in NEED_TRANSITIONS[NeedStatus(need.status)]:
        raise TrackerValidationError(
            {
                "status": [
                    _("A need cannot go from “%(old)s” back to “%(new)s”.")
                    % {"old": need.get_status_display(), "new": NeedStatus(status).label}
                ]
            }
        )
    old = need.status
    need.status = status
    need.save(update_fields=["status", "updated_at"])
    _sync_translations(need)
    log_change(
        need,
        Action.STATUS,
        user=user,
        source=source,
        changes={"status": [old, status]},
        note=note,
    )
    return need
