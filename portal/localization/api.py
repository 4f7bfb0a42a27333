"""Formatted fields for the APIs: the same text a page shows, in the request's language.

    class NeedSerializer(serializers.ModelSerializer):
        quantity_display = FormattedNumberField(source="quantity")
        amount_display = FormattedMoneyField(source="*", amount="amount", currency="currency")
        language = LanguageField()   # {"lang": "ar", "dir": "rtl"} when shown as a fallback

Numbers stay numbers in their own fields; these add the display form beside them.
A view whose answer belongs to one campaign puts its conventions in the serializer context
(``context["conventions"] = campaign.conventions``), so the Arabic display text has that
campaign's digits and currency sign («١٬٢٣٤٫٥٠٠ د.أ.» for Jordan), as its pages do.
"""

from django.utils import translation
from rest_framework import serializers

from . import conventions, fallback
from .numbers import format_money, format_number


def _language(field):
    request = field.context.get("request")
    return getattr(request, "LANGUAGE_CODE", None) or translation.get_language()


def _conventions(field, instance=None):
    found = conventions.of(field.context.get("conventions"))
    return found if found is not None else conventions.of(instance)


def _attribute(instance, name, default=None):
    if isinstance(instance, dict):
        return instance.get(name, default)
    return getattr(instance, name, default)


class FormattedNumberField(serializers.Field):
    """A read-only number as the page would print it ("1.234" in Arabic, "1 234" in French)."""

    def __init__(self, decimals=None, **kwargs):
        kwargs["read_only"] = True
        self.decimals = decimals
        super().__init__(**kwargs)

    def to_representation(self, value):
        with conventions.activate(_conventions(self)):
            return format_number(value, _language(self), decimals=self.decimals)


class FormattedMoneyField(serializers.Field):
    """A read-only amount with its currency's decimals ("1.234,500 TND")."""

    def __init__(self, amount="amount", currency="currency", **kwargs):
        kwargs["read_only"] = True
        kwargs.setdefault("source", "*")
        self.amount_attr, self.currency_attr = amount, currency
        super().__init__(**kwargs)

    def to_representation(self, instance):
        amount = _attribute(instance, self.amount_attr)
        if amount is None:
            return None
        with conventions.activate(_conventions(self, instance)) as found:
            default = found.currency if found is not None else "TND"
            currency = _attribute(instance, self.currency_attr) or default
            return format_money(amount, currency, _language(self))


class LanguageField(serializers.Field):
    """``{"lang": "ar", "dir": "rtl"}`` for an item shown in Arabic as a fallback, else null."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return fallback.lang_attributes(instance, _language(self)) or None
