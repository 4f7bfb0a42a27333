"""What the admin's inspect views show, in the reader's language and time zone.

{% load admin_values %}
{{ field.label|admin_label }}   "Translation key", "ID" (names Django and Wagtail give
                                fields without a verbose name) through our catalogue
{{ field.value|admin_value }}   yes/no for a boolean, "—" for nothing, a date and time in
                                the user's time zone (as the listings show it)
"""

from datetime import date, datetime

from django import template
from django.utils import formats
from django.utils.translation import gettext

from portal.localization.numbers import format_day, format_moment

register = template.Library()

NOTHING = "—"


@register.filter
def admin_label(label):
    """A field's label in the reader's language: a label that is a verbose name is already
    translated; one Django or Wagtail derived from a field name is found in our catalogue."""
    return gettext(str(label))


@register.filter
def admin_value(value):
    """A field's value as a reader knows it: never the Python words True, False or None, and
    a moment in the current (the user's) time zone, not in UTC."""
    if value is None or value == "":
        return NOTHING
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime):
        return format_moment(value)
    if isinstance(value, date):
        return format_day(value)
    return formats.localize(value, use_l10n=True)
