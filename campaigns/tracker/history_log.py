"""Tracker history lines: Wagtail's log entries, read in its History tab and site history.

A log line stores its changes as ``{field name: [before, after]}`` with foreign keys as
ids (``services.common.snapshot``); it is read in the reader's language: each field by its
verbose name, a choice by its label, a related object by its name, and nothing for an
empty value, so no raw name, id or ``None`` reaches the reader.

Wagtail also stores each line's ``label``: the object's name (``str``) in the language of
whoever made the change, so a French reader of *Reports → Site history* read the Arabic
name of a contribution or offer logged from the Arabic admin («نقدا – 250 د.ت. – …»).
:func:`name_log_entries` names each line's object afresh, in the reader's language, when it
still exists (the stored label stays for a deleted one).
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext
from wagtail.log_actions import LogFormatter

from portal.localization.inspect_numbers import readable_decimal
from portal.localization.numbers import format_day, format_moment, format_money
from portal.localization.page_titles import named, remember_reader_titles, titled_translation
from portal.wagtail_model_genders import model_gender


class Action(models.TextChoices):
    """What a line of an entry's history records; logged as ``tracker.<value>``."""

    CREATED = "created", _("Recorded")
    EDITED = "edited", _("Edited")
    STATUS = "status", _("Status changed")
    CONFIRMED = "confirmed", _("Confirmed by a second person")
    OVERRIDE = "override", _("Allowed beyond what was received")
    DELETED = "deleted", _("Deleted")


EMPTY = (None, "")
NOTHING = "—"


NUMBERS = (models.DecimalField, models.IntegerField, models.FloatField)


def readable_value(field, value, currency=""):
    """A stored value as the reader knows it: a choice's label, a related object's name, a
    date in the reader's words and digits («٢١ ماي ٢٠٢٠»), a time in the current zone, a
    number in the reader's separators and digits, money (``currency`` given) in its currency
    («5.000,500 د.ت.», not «5000.5»)."""
    if value in EMPTY:
        return NOTHING
    if field is None:
        return str(value)
    if field.is_relation and field.many_to_one:
        related = field.related_model._base_manager.filter(pk=value).first()
        return named(related) if related is not None else NOTHING
    choices = dict(field.flatchoices) if field.choices else {}
    if isinstance(field, models.BooleanField):
        return str(_("yes") if value in (True, "True", "true") else _("no"))
    if isinstance(field, models.DateTimeField):  # before DateField, its parent class
        return format_moment(_parsed(datetime.fromisoformat, value))
    if isinstance(field, models.DateField):
        return format_day(_parsed(date.fromisoformat, value))
    if isinstance(field, NUMBERS) and not choices:
        return readable_number(value, currency)
    return str(choices.get(value, value))


def readable_number(value, currency=""):
    """A logged number in the reader's format: money in ``currency`` when given; the text
    as logged when it is not a number."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if currency:
        return format_money(number, currency)
    return readable_decimal(number)


def _currency(record, field_name, logged):
    """The currency of money in ``field_name``: the entry's, or the one logged with it."""
    currency_of = getattr(record, "export_currency", None)
    if currency_of is None:
        return ""
    currency = currency_of(field_name)
    if currency and isinstance(logged, list) and len(logged) == 2 and logged[1]:
        currency = logged[1]  # the currency the amount was recorded in
    return currency or ""


def _parsed(parse, value):
    """A date or datetime from its ISO text in the log (``value`` itself if it is not)."""
    try:
        return parse(value) if isinstance(value, str) else value
    except ValueError:
        return value


def describe(model, changes, record=None):
    """``field: before → after`` for each change (``field: after`` for a first value), with
    verbose field names in the active language; ``model`` is the entry's model or None.
    Money reads in its currency: the one the change itself records, else the entry's
    (``record.export_currency``; ``record`` the entry or a callable returning it)."""
    parts = []
    logged_currency = (changes or {}).get("currency")
    for name, pair in (changes or {}).items():
        if not (isinstance(pair, list) and len(pair) == 2):
            continue
        before, after = pair
        if before in EMPTY and after in EMPTY:
            continue
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        label = str(field.verbose_name) if field is not None else name
        currency = ""
        if isinstance(field, models.DecimalField):
            if callable(record):
                record = record()
            currency = _currency(record, name, logged_currency)
        text = readable_value(field, after, currency)
        if before not in EMPTY:
            text = f"{readable_value(field, before, currency)} → {text}"
        # French puts a no-break space before the colon («Quantité : 5»).
        parts.append(
            pgettext("a field and its change in a history line", "%(field)s: %(change)s")
            % {"field": label, "change": text}
        )
    # The reader's punctuation between changes: «، » in Arabic, "; " in English and French.
    return pgettext("between the changes of a history line", "; ").join(parts)


def logged_object(model, log_entry):
    """The object a log entry is about, when it still exists; else ``None``. A listing of
    lines attaches it to each (``log_entry.logged_object``: :func:`name_log_entries`, the
    History tab), so that a page of lines costs no query per line; else one query."""
    if "logged_object" in log_entry.__dict__:
        return log_entry.__dict__["logged_object"]
    if model is None or not log_entry.object_id:
        return None
    return model._base_manager.filter(pk=log_entry.object_id).first()


def name_log_entries(entries):
    """Set each log entry's ``label`` to its object's name in the active language when the
    object is a tracker entry or an offer that still exists, and attach the object
    (``logged_object``); one query per model and one for the names' titles (two for the
    needs and campaigns that contributions and deliveries are named by)."""
    from .models.entries import remember_names
    from .models.log import scoped_models

    models_named = {model._meta.label_lower: model for model in scoped_models()}
    wanted = {}
    for entry in entries:
        content_type = getattr(entry, "content_type", None)
        model = models_named.get(
            f"{content_type.app_label}.{content_type.model}" if content_type else None
        )
        if model is not None:
            wanted.setdefault(model, []).append(entry)
    for model, lines in wanted.items():
        related = [
            name
            for name in ("need", "campaign", "region", "partner")
            if any(f.name == name and f.many_to_one for f in model._meta.get_fields())
        ]
        ids = {str(line.object_id) for line in lines}
        objects = {
            str(obj.pk): obj
            for obj in model._base_manager.select_related(*related).filter(pk__in=ids)
        }
        if hasattr(model, "need") and hasattr(model, "campaign"):
            remember_names(objects.values())
        elif objects and titled_translation(next(iter(objects.values()))):
            remember_reader_titles(objects.values())  # needs: their titles in one query
        for line in lines:
            obj = line.logged_object = objects.get(str(line.object_id))
            if obj is not None:
                line.label = named(obj)
    return entries


def action_label(label, model):
    """An action's ``label`` agreeing with ``model``'s name in the active language: French
    «Saisie» for a distribution, «Saisi» for a need (the catalogue's ``pgettext(gender,
    msgid)``); the plain label when the language gives the model no gender or no form."""
    gender = model_gender(model) if model is not None else None
    if gender is None:
        return str(label)
    with override(None):
        msgid = str(label)
    agreeing = pgettext(gender, msgid)
    return agreeing if agreeing != msgid else str(label)


def register_tracker_log_actions(actions):
    """The tracker's history actions, and its scoped log table for entries and offers."""
    from .models.log import ScopedLogEntry, scoped_models

    for model in scoped_models():
        actions.register_model(model, ScopedLogEntry)
    for action, label in Action.choices:

        class Formatter(LogFormatter):
            def format_message(self, log_entry, label=label):
                model = log_entry.content_type.model_class() if log_entry.content_type else None
                detail = describe(
                    model, log_entry.data.get("changes"), lambda: logged_object(model, log_entry)
                )
                note = log_entry.data.get("note") or ""
                label = action_label(label, model)
                return " — ".join(str(part) for part in (label, detail, note) if part)

        Formatter.label = label
        actions.register_action(f"tracker.{action}")(Formatter)
