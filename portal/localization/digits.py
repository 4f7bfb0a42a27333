"""One rule for the digits a person types: Arabic-Indic (٠-٩) and Eastern Arabic-Indic
(Persian/Urdu ۰-۹) digits are read as 0-9 in every number, date and time a form, a filter or
an API write receives.

An Arabic keyboard types ٠-٩. Python's ``int()`` and ``Decimal()`` already read them, but
``strptime`` does not, so before this a delivery's number fields took ``١٣`` while its date
refused ``٢٠٢٠-٠٥-٢١``, and the API took that date in a write but not in a filter. The fields
that read numbers and dates are built in many places (Wagtail's admin forms, django-filter's
filter forms, DRF serializers, our own forms), so the rule is applied once, to the field
classes themselves, by :func:`install` (called from ``LocalizationConfig.ready``): their
``to_python`` (Django) or ``to_internal_value`` (DRF) first passes text through
:func:`ascii_digits`. Text fields are left alone: a need titled ``٥٠٠ طرد`` keeps its digits.

Numbers (not dates) are then read by :func:`read_number`, one rule for the decimal mark
that holds in the admin's forms, the API's writes and filters and CSV imports:

- ``.`` and the Arabic decimal separator ``٫`` (U+066B) are always a decimal mark (the API
  and every keypad write ``.``; a Tunisian ``1.500`` dinars is one and a half).
- ``,`` (or the Arabic comma ``،``) is a decimal mark where the convention makes it one:
  in French, after Arabic-Indic digits (``١٢٣,٤٥٠``), and in a ``;``-separated CSV file
  (Excel writes ``;`` exactly where the decimal mark is a comma). Elsewhere (English, or
  Arabic with Western digits, where CLDR locales disagree: ``1,500`` is 1500 in Jordan and
  1.5 in Tunisia) a comma followed by exactly three digits may group thousands: it is
  refused with a message naming both readings; followed by any other number of digits
  (``12,5``) it can only be a decimal mark.
- Thousands are grouped by ``٬`` (U+066C), a space, a no-break or a narrow no-break space,
  in groups of three (``1 234,5``); anything else is refused, never guessed.
"""

import re
from functools import wraps

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"
_DIGITS = str.maketrans(ARABIC_INDIC + EASTERN_ARABIC_INDIC, "0123456789" * 2)
# The Arabic decimal separator (U+066B) is a decimal point; the Arabic thousands separator
# (U+066C) is dropped, as a typed "," or " " grouping is by Django's number fields.
_NUMBER_MARKS = str.maketrans({"\u066b": ".", "\u066c": None})


def western_digits(text):
    """``text`` with its Arabic-Indic and Persian digits as 0-9, and nothing else changed
    (no decimal or grouping mark is read): for codes and references, not numbers."""
    return text.translate(_DIGITS)


def ascii_digits(value):
    """``value`` with every Arabic-Indic or Persian digit replaced by 0-9, and the Arabic
    decimal and thousands separators by ``.`` and nothing. Anything but text is returned as
    it is (a ``date``, a number, ``None``, a list from a multi-value widget)."""
    if isinstance(value, str):
        return value.translate(_DIGITS).translate(_NUMBER_MARKS)
    return value


# Grouping marks a person or a spreadsheet writes between thousands; bidi marks that text
# copied from a formatted figure carries (Babel writes them around Arabic numbers).
GROUPING = "\u066c \u00a0\u202f\u2009"
INVISIBLE = str.maketrans(dict.fromkeys("\u200e\u200f\u061c", None))
COMMAS = ",\u060c"
_GROUPED = re.compile(r"\d{1,3}(?:[" + GROUPING + r"]\d{3})+")


class NumberNotClear(ValueError):
    """A typed number that cannot be read one way only; ``message`` says why, to the user."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message, self.code = message, code


def comma_is_decimal(language=None):
    """Whether a comma is the decimal mark of numbers typed in ``language`` (French)."""
    return (language or get_language() or "").split("-")[0] == "fr"


def read_number(value, decimal_comma=None):
    """A typed number as plain text Python reads (``"1234.5"``), by the rule above.

    :param value: the text as typed; anything else is returned as it is.
    :param decimal_comma: whether ``,`` is the decimal mark; ``None``: by the active
        language (French), and always after Arabic-Indic digits.
    :raises NumberNotClear: two decimal marks, a comma that may be either mark, or digits
        grouped other than by three; its ``message`` is for the person who typed it.
    """
    if not isinstance(value, str):
        return value
    text = value.strip().translate(INVISIBLE)
    arabic_digits = any(c in ARABIC_INDIC or c in EASTERN_ARABIC_INDIC for c in text)
    text = text.translate(_DIGITS).replace("\u2212", "-")
    if decimal_comma is None:
        decimal_comma = arabic_digits or comma_is_decimal()
    sign, body = (text[0], text[1:]) if text.startswith(("+", "-")) else ("", text)
    marks = [c for c in body if c in ".\u066b" + COMMAS]
    if len(marks) > 1:
        raise NumberNotClear(
            _("“%(value)s” has more than one decimal mark: write 1234.5 or 1 234,5.")
            % {"value": value.strip()},
            "two_decimal_marks",
        )
    whole, _mark, fraction = body, "", ""
    if marks:
        whole, _mark, fraction = body.partition(marks[0])
        groups_thousands = len(fraction) == 3 and fraction.isdigit()
        if marks[0] in COMMAS and groups_thousands and not decimal_comma:
            raise NumberNotClear(
                _(
                    "“%(value)s” can be read two ways: write %(decimal)s for a decimal "
                    "number, or %(grouped)s for thousands."
                )
                % {
                    "value": value.strip(),
                    "decimal": f"{sign}{whole}.{fraction}",
                    "grouped": f"{sign}{whole}\u00a0{fraction}",
                },
                "ambiguous_comma",
            )
    if any(c in GROUPING for c in whole):
        if not _GROUPED.fullmatch(whole):
            raise NumberNotClear(
                _("Group the digits of “%(value)s” by three (1 234 567), or not at all.")
                % {"value": value.strip()},
                "bad_grouping",
            )
        whole = "".join(c for c in whole if c not in GROUPING)
    return sign + whole + ("." + fraction if marks else "")


def _wrap(cls, method_name, read, refused):
    method = cls.__dict__.get(method_name)
    if method is None or getattr(method, "_ascii_digits", False):
        return
    original = getattr(cls, method_name)

    @wraps(original)
    def read_ascii_digits(self, value, *args, **kwargs):
        try:
            value = read(value)
        except NumberNotClear as error:
            raise refused(error.message, code=error.code) from error
        return original(self, value, *args, **kwargs)

    read_ascii_digits._ascii_digits = True
    setattr(cls, method_name, read_ascii_digits)


def django_field_classes():
    """Django's form fields that read numbers, dates and times (every subclass inherits)."""
    from django import forms

    return (
        forms.IntegerField,
        forms.FloatField,
        forms.DecimalField,
        forms.DateField,
        forms.TimeField,
        forms.DateTimeField,
        forms.DurationField,
    )


def drf_field_classes():
    """DRF's serializer fields that read numbers, dates and times."""
    from rest_framework import fields

    return (
        fields.IntegerField,
        fields.FloatField,
        fields.DecimalField,
        fields.DateField,
        fields.TimeField,
        fields.DateTimeField,
        fields.DurationField,
    )


def install():
    """Apply the rule to every number, date and time field class; safe to call twice."""
    from django.core.exceptions import ValidationError
    from rest_framework.exceptions import ValidationError as DRFValidationError

    numbers = {"IntegerField", "FloatField", "DecimalField"}
    for cls in django_field_classes():
        # Each class with its own to_python (IntegerField's subclasses inherit the wrapper).
        read = read_number if cls.__name__ in numbers else ascii_digits
        _wrap(cls, "to_python", read, ValidationError)
    for cls in drf_field_classes():
        read = read_number if cls.__name__ in numbers else ascii_digits
        _wrap(cls, "to_internal_value", read, DRFValidationError)
