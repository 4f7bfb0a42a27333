"""Admin CSV/XLSX exports as people read them, in the exporting user's language.

Wagtail's ``SpreadsheetExportMixin`` writes each value as Python prints it: a choice's stored
key (``box``, ``admin``), ``True``/``False``, a UTC timestamp with microseconds
(``2026-11-30 01:18:03.961785+00:00``) and a ``Decimal`` with its column's scale (``25.000``,
which reads as twenty-five thousand in Arabic or French). :class:`ReadableExportMixin`, on an
admin listing view, writes instead:

- a field with choices: its label in the active language (``علب``, ``boîtes``);
- a boolean: «نعم»/«لا», «Oui»/«Non» (Django's own ``yes``/``no`` words);
- a date-time: the admin's local time (the user's time zone), to the second, without zone;
- a number: as typed, without meaningless trailing zeros (``25``, ``12.5``); money (see
  :func:`plain_number`) keeps its currency's minor units when it has a fraction (``12.500``).

Numbers stay numbers (a spreadsheet can add them up); only their scale changes.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from portal.localization.numbers import currency_decimals, is_known_currency
from portal.localization.page_titles import reader_title, titled_translation


def plain_number(value, currency=""):
    """``value`` without trailing zeros: ``Decimal("25.000")`` → ``Decimal("25")``.

    :param value: a ``Decimal`` (anything else is returned unchanged).
    :param currency: the ISO 4217 code when ``value`` is money: a fractional amount then keeps
        the currency's minor units (``12.5`` TND → ``12.500``); a whole amount has none.
    :returns: a ``Decimal`` never in exponent form (``1E+2`` is written ``100``).
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        return value
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    if currency and is_known_currency(currency):
        return value.quantize(Decimal(1).scaleb(-currency_decimals(currency)))
    return value.normalize()


def local_moment(value):
    """A date-time in the active time zone, to the second, naive (as a spreadsheet shows it)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0, tzinfo=None)


def yes_no(value):
    """«Yes»/«No» in the active language (Django's catalogue)."""
    return gettext("Yes") if value else gettext("No")


class ReadableExportMixin:
    """For a Wagtail listing with ``list_export``: each cell readable (see module docstring).

    A model may name the currency of its money fields with ``export_currency(field_name)``
    (returning ``""`` for a quantity of goods).
    """

    def stream_csv(self, queryset):
        # The CSV is streamed after the view returns, when the request's language and time
        # zone are no longer active: keep the ones the user asked in.
        # (Not a generator itself, so that they are read while the view runs.)
        language, zone = get_language(), timezone.get_current_timezone()
        rows = super().stream_csv(queryset)

        def lines():
            while True:
                with translation.override(language), timezone.override(zone):
                    line = next(rows, None)
                if line is None:
                    return
                yield line

        return lines()

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {field: self.readable_value(item, field, value) for field, value in row.items()}

    def readable_value(self, item, field_name, value):
        try:
            field = item._meta.get_field(field_name)
        except FieldDoesNotExist:
            field = None
        if field is not None and getattr(field, "choices", None) and value not in (None, ""):
            return str(getattr(item, f"get_{field_name}_display")())
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return local_moment(value)
        if isinstance(value, Decimal):
            currency = ""
            if hasattr(item, "export_currency"):
                currency = item.export_currency(field_name)
            return plain_number(value, currency)
        if isinstance(value, Page) or titled_translation(value):
            # a campaign, a partner or a need: its title in the reader's language
            memo = self.__dict__.setdefault("reader_titles", {})
            key = (value._meta.label, value.pk)
            if key not in memo:
                memo[key] = reader_title(value)
            return memo[key]
        if isinstance(value, models.Model) or hasattr(value, "__html__"):
            return str(value)
        return value
