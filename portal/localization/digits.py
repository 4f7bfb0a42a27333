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
"""

from functools import wraps

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"
_DIGITS = str.maketrans(ARABIC_INDIC + EASTERN_ARABIC_INDIC, "0123456789" * 2)
# The Arabic decimal separator (U+066B) is a decimal point; the Arabic thousands separator
# (U+066C) is dropped, as a typed "," or " " grouping is by Django's number fields.
_NUMBER_MARKS = str.maketrans({"\u066b": ".", "\u066c": None})


def ascii_digits(value):
    """``value`` with every Arabic-Indic or Persian digit replaced by 0-9, and the Arabic
    decimal and thousands separators by ``.`` and nothing. Anything but text is returned as
    it is (a ``date``, a number, ``None``, a list from a multi-value widget)."""
    if isinstance(value, str):
        return value.translate(_DIGITS).translate(_NUMBER_MARKS)
    return value


def _wrap(cls, method_name):
    method = cls.__dict__.get(method_name)
    if method is None or getattr(method, "_ascii_digits", False):
        return
    original = getattr(cls, method_name)

    @wraps(original)
    def read_ascii_digits(self, value, *args, **kwargs):
        return original(self, ascii_digits(value), *args, **kwargs)

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
    for cls in django_field_classes():
        # Each class with its own to_python (IntegerField's subclasses inherit the wrapper).
        _wrap(cls, "to_python")
    for cls in drf_field_classes():
        _wrap(cls, "to_internal_value")
