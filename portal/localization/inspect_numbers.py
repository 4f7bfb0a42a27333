"""Decimals in the admin's inspect views as the portal writes numbers everywhere else.

Wagtail shows a model field's raw value there, and Django localizes a ``Decimal("20.000")``
(the column keeps 3 places) as «20,000» in ar and fr: read as twenty thousand. Registered
for every ``DecimalField`` (``wagtail.admin.ui.fields.register_display_class``), so every
inspect view, present or future, gets it.

Money is more than a decimal: an amount reads with its currency, in the locale's currency
format («100,50 MAD», "MAD 100.50", «100٫50 د.م.»), as everywhere else the portal writes
money (``numbers.format_money``). The display class sees the value alone, not the record;
:func:`install` (called once from ``LocalizationConfig.ready``) makes every inspect view ask
the record for the field's currency — ``export_currency(field_name)``, the models' one
declaration of which fields are money (the exports ask it too) — and format the amount with
it.

A related page (a campaign, a partner) or translatable snippet (a need) is named in the
reader's language too (``page_titles.named``), as the listings name it: the inspect view
showed its ``str``, the title in the language it was written in (Arabic).
"""

from decimal import Decimal

from django.db import models
from django.utils.html import conditional_escape
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.admin.views.generic.models import InspectView
from wagtail.models import Page

from portal.readable_exports import plain_number

from .numbers import format_money, format_number
from .page_titles import named, titled_translation


def readable_decimal(value, language=None):
    """``value`` (a ``Decimal`` or None) without trailing zeros, in ``language``'s separators
    and digits: ``Decimal("20.000")`` → «20», ``Decimal("1234.500")`` → «1 234,5» (fr)."""
    if value is None:
        return "-"
    value = plain_number(Decimal(value))
    places = max(0, -value.as_tuple().exponent)
    return format_number(value, language, decimals=places)


class DecimalDisplay(BaseFieldDisplay):
    """One decimal field's value in an inspect view (``readable_decimal``)."""

    def render_html(self, parent_context=None):
        return conditional_escape(readable_decimal(self.value))


def register():
    register_display_class(models.DecimalField, display_class=DecimalDisplay)


class MoneyDisplay(BaseFieldDisplay):
    """One money field's value in an inspect view: the amount in its currency
    (``numbers.format_money``), in the reader's language."""

    def __init__(self, value, currency):
        super().__init__(value)
        self.currency = currency

    def render_html(self, parent_context=None):
        return conditional_escape(format_money(self.value, self.currency))


def money_display(view, field_name, field):
    """A :class:`MoneyDisplay` when ``field_name`` of the view's record is money (its
    ``export_currency`` names a currency) and has a value; else ``None``."""
    record = getattr(view, "object", None)
    currency_of = getattr(record, "export_currency", None)
    if not isinstance(field, models.DecimalField) or currency_of is None:
        return None
    value = getattr(record, field_name, None)
    currency = currency_of(field_name)
    if value is None or not currency:
        return None
    return MoneyDisplay(value, currency)


def reader_named(view, field_name, field):
    """The title, in the reader's language, of the page or translatable snippet the view's
    record points to through the foreign key ``field``; ``None`` for anything else."""
    if not getattr(field, "many_to_one", False):
        return None
    value = getattr(getattr(view, "object", None), field_name, None)
    if isinstance(value, Page) or titled_translation(value):
        return named(value)
    return None


def install():
    """Every inspect view shows a money field with its record's currency, and a related
    page or translatable snippet by its title in the reader's language."""
    if getattr(InspectView.get_field_display_value, "shows_money", False):
        return
    original = InspectView.get_field_display_value

    def get_field_display_value(self, field_name, field):
        if getattr(self, f"get_{field_name}_display_value", None) is None:
            money = money_display(self, field_name, field)
            if money is not None:
                return money
            related = reader_named(self, field_name, field)
            if related is not None:
                return related
        return original(self, field_name, field)

    get_field_display_value.shows_money = True
    InspectView.get_field_display_value = get_field_display_value
