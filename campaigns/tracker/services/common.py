"""What every tracker service shares: the acting user, source objects, checks, history."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log as wagtail_log
from wagtail.log_actions import registry as log_registry
from wagtail.models import Locale

from campaigns.countries import currency_codes
from portal import caching
from portal.localization.digits import western_digits
from portal.localization.numbers import currency_decimals, format_number

from ..models import Source
from ..models.need import MONEY, QUANTITY


class _System:
    """The portal itself acting (demo content, migrations, trusted shell commands)."""

    is_authenticated = False
    pk = None
    stored_as_nobody = True  # what ``actor`` stores as author: no user

    def __repr__(self):
        return "SYSTEM"


SYSTEM = _System()

ACTION_PREFIX = "tracker."  # the namespace of the tracker's actions in Wagtail's log


def actor(user):
    """The user to store as author (``None`` for ``SYSTEM`` or ``ActingFor``); refuses a
    missing user."""
    if getattr(user, "stored_as_nobody", False):
        return None
    if user is None or not getattr(user, "is_authenticated", False):
        raise TypeError("Tracker services need the acting user (or services.SYSTEM).")
    return user


def default_locale_id():
    """The id of the source-language (default) locale: kept an hour in the shared cache and
    read once per request (``portal.caching.memo``; a gift asks three times)."""
    key = f"tracker:default-locale:{settings.LANGUAGE_CODE}"
    return caching.memo(key, lambda: cache.get_or_set(key, lambda: Locale.get_default().pk, 3600))


def source_of(instance):
    """The source of a translatable object (page or snippet): the one every figure uses.

    The source is the member of the translation group in the default locale (Arabic), or
    the earliest created one when there is no default-locale member.
    """
    if instance is None:
        return None
    model = type(instance)
    if hasattr(instance, "specific_class") and instance.specific_class is not None:
        model = instance.specific_class
    default_id = default_locale_id()
    if instance.locale_id == default_id:
        return instance
    first = Case(When(locale_id=default_id, then=Value(0)), default=1, output_field=IntegerField())
    return (
        model.objects.filter(translation_key=instance.translation_key).order_by(first, "pk").first()
    )


def clean_reference(value):
    """A partner's reference as stored and compared: stripped, its Arabic-Indic (٠-٩) and
    Persian (۰-۹) digits as 0-9, so «ت-٠٠١» typed on an Arabic keyboard and «ت-001» from a
    spreadsheet are the same reference (re-importing a file creates nothing new)."""
    return western_digits((value or "").strip())


def to_decimal(value):
    """``value`` as a Decimal (never through float), or ``None`` if it is not a number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = repr(value)  # 0.1 → "0.1", not 0.1000000000000000055…
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def _places(number):
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def check_quantity(errors, field, value, required=True):
    """A positive quantity with at most 3 decimals; returns it as a Decimal."""
    number = to_decimal(value)
    if value in (None, "") and not required:
        return None
    if number is None:
        errors.add(field, _("Enter a number."), "invalid")
    elif number <= 0:
        errors.add(field, _("The quantity must be greater than zero."), "not_positive")
    elif _places(number) > QUANTITY["decimal_places"]:
        errors.add(field, _("At most 3 decimals."), "too_many_decimals")
    elif number >= Decimal(10) ** (QUANTITY["max_digits"] - QUANTITY["decimal_places"]):
        errors.add(field, _("This quantity is too large."), "too_large")
    else:
        return number
    return None


def check_currency(errors, field, value):
    """An ISO 4217 code legal tender somewhere (``campaigns.countries.currency_codes``),
    upper-cased; ``None`` (and an error on ``field``) when it is not."""
    code = (value or "").strip().upper()
    if not code:
        errors.add(field, _("Choose a currency."), "required")
        return None
    if code not in currency_codes():
        errors.add(
            field, _("“%(code)s” is not an ISO 4217 currency code.") % {"code": code}, "unknown"
        )
        return None
    return code


def check_amount(errors, field, value, currency):
    """A positive amount with no more decimals than ``currency`` has (TND: 3, JPY: 0)."""
    number = to_decimal(value)
    if number is None:
        errors.add(field, _("Enter an amount."), "invalid")
        return None
    if number <= 0:
        errors.add(field, _("The amount must be greater than zero."), "not_positive")
        return None
    if number >= Decimal(10) ** (MONEY["max_digits"] - MONEY["decimal_places"]):
        errors.add(field, _("This amount is too large."), "too_large")
        return None
    if currency:
        decimals = currency_decimals(currency)
        if _places(number) > decimals:
            # ngettext: Arabic has six plural forms («رقمان عشريان», «3 أرقام عشرية»).
            message = ngettext(
                "%(currency)s amounts have at most %(decimals)s decimal.",
                "%(currency)s amounts have at most %(decimals)s decimals.",
                decimals,
            ) % {"currency": currency, "decimals": format_number(decimals)}
            errors.add(field, message, "too_many_decimals")
            return None
    return number


def check_choice(errors, field, value, choices, required=True):
    if value in (None, "") and not required:
        return ""
    if value not in choices.values:
        errors.add(field, _("“%(value)s” is not a valid choice.") % {"value": value}, "invalid")
        return None
    return value


def plain(number):
    """A Decimal as plain text without exponent or trailing zeros: 1E+2 → "100"."""
    text = format(number.normalize(), "f")
    return text


def _text(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return plain(value)
    if hasattr(value, "pk"):
        return value.pk
    return str(value)


def snapshot(instance, fields):
    """The current values of ``fields`` as JSON-ready text (foreign keys as ids)."""
    return {name: _text(getattr(instance, name)) for name in fields}


def diff(before, after):
    return {name: [before[name], after[name]] for name in after if before.get(name) != after[name]}


def log_change(instance, action, *, user, source=Source.ADMIN, changes=None, note=""):
    """Keep one line of an entry's history in Wagtail's log: who, when, what changed.

    :param instance: the need, contribution or delivery (saved: it has a ``pk``).
    :param action: a ``history_log.Action`` (``"created"``, ``"edited"``, …), stored
        as the Wagtail action ``tracker.<action>``.
    :param user: the acting user (``SYSTEM`` or ``ActingFor`` store no author).
    :param changes: ``{field name: [before, after]}`` as text, foreign keys as ids.
    :returns: the new log entry (``ScopedLogEntry`` for the tracker's models), whose
        ``data`` is ``{"changes", "note", "source"}``; the admin's History tab and
        *Reports → Site history* show it, and ``history_of`` reads it.
    """
    return wagtail_log(
        instance=instance,
        action=f"{ACTION_PREFIX}{action}",
        user=actor(user),
        data={"changes": changes or {}, "note": note, "source": source},
    )


def history_of(instance):
    """An entry's history, oldest first: a queryset of its tracker lines in Wagtail's log.

    Each line has ``action`` (``"tracker.created"``, ``"tracker.edited"``, …), ``user``
    (None for the portal itself), ``timestamp`` and ``data`` = ``{"changes": {field:
    [before, after]}, "note": text, "source": one of ``Source``}``. Read from the log model
    Wagtail's registry holds for the instance's model (``ScopedLogEntry`` for needs,
    contributions and deliveries).
    """
    return (
        log_registry.get_logs_for_instance(instance)
        .filter(action__startswith=ACTION_PREFIX)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
