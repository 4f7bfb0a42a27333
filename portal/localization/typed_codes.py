"""Phone numbers, codes and references typed with any digits.

The one rule of :mod:`portal.localization.digits` (Arabic-Indic ٠-٩ and Eastern
Arabic-Indic ۰-۹ are read as 0-9) is installed on Django's number and date fields; a phone
number or a partner's reference is text, so it needs its own field: before this a visitor
typing ``+٢١٢٦٠٠٠٠٠٠٠٠`` on the offer form was refused «digits only», and a reference
``٢٠٢٤-٠١`` would not match ``2024-01``. Only the digits change: no decimal or grouping
mark is read, and every other character is kept.
"""

from django import forms
from django.db import models

from portal.localization.digits import western_digits


class WesternDigitsFormField(forms.CharField):
    """A text form field (phone, code, reference) whose digits are stored as 0-9."""

    def to_python(self, value):
        """The text as typed, with its Arabic-Indic and Persian digits as 0-9."""
        value = super().to_python(value)
        return western_digits(value) if isinstance(value, str) else value


class WesternDigitsCharField(models.CharField):
    """A model ``CharField`` for a phone number, a code or a reference: every form built
    from it (Wagtail's admin, a ModelForm) reads Arabic-Indic and Persian digits as 0-9.

    It deconstructs as a plain ``CharField``: the column is unchanged and no migration
    follows from using it.
    """

    def formfield(self, **kwargs):
        """A :class:`WesternDigitsFormField`, unless the field has choices."""
        if not self.choices:
            kwargs.setdefault("form_class", WesternDigitsFormField)
        return super().formfield(**kwargs)

    def deconstruct(self):
        """As ``django.db.models.CharField``, so that migrations do not see a change."""
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


class WesternDigitsChoiceField(forms.TypedChoiceField):
    """A choice among numbers (a region's id in a public filter) typed with any digits."""

    def to_python(self, value):
        """The choice as typed, with its Arabic-Indic and Persian digits as 0-9."""
        return western_digits(super().to_python(value))
