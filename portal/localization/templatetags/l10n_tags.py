"""Numbers, money and language marks in templates, the same as in charts and the APIs.

{% load l10n_tags %}
{{ need.quantity|number }}            1.234 (ar) · 1 234 (fr) · 1,234 (en)
{{ total|number:2 }}                  fixed decimals
{{ amount|money:"TND" }}              1.234,500 TND — the currency's own decimals
{{ "15/05/2020"|digits }}             applies the digit style to any text (dates)
{% chart_number_format %}             the same rules as JSON for a chart's script
<li{% lang_attrs need %}>             lang="ar" dir="rtl" on an untranslated item
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.html import json_script

from portal.localization import fallback
from portal.localization.numbers import (
    apply_digit_style,
    format_money,
    format_number,
    number_format,
)

register = template.Library()


def _decimal(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def number(value, decimals=None):
    """A number with the locale's separators and digit style; '' for nothing, as is for text."""
    if value is None or value == "":
        return ""
    amount = _decimal(value)
    if amount is None:
        return value
    return format_number(amount, decimals=None if decimals in (None, "") else int(decimals))


@register.filter
def money(value, currency="TND"):
    """An amount in its currency (TND by default) with the currency's decimals."""
    if value is None or value == "":
        return ""
    amount = _decimal(value)
    if amount is None:
        return value
    return format_money(amount, currency or "TND")


@register.filter
def digits(value):
    """Any text (a date, a phone number) with the locale's digit style."""
    return apply_digit_style(str(value))


@register.simple_tag
def chart_number_format(element_id="chart-number-format"):
    """The locale's number rules for a chart script: digits, separators, language."""
    return json_script(number_format(), element_id)


@register.simple_tag
def lang_attrs(obj):
    """` lang="ar" dir="rtl"` when ``obj``'s text is not in the page's language."""
    return fallback.lang_attrs_html(obj)
