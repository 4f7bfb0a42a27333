"""Decimals in the admin's inspect views as the portal writes numbers everywhere else.

Wagtail shows a model field's raw value there, and Django localizes a ``Decimal("20.000")``
(the column keeps 3 places) as «20,000» in ar and fr: read as twenty thousand. Registered
for every ``DecimalField`` (``wagtail.admin.ui.fields.register_display_class``), so every
inspect view, present or future, gets it.
"""

from decimal import Decimal

from django.db import models
from django.utils.html import conditional_escape
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class

from portal.readable_exports import plain_number

from .numbers import format_number


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
