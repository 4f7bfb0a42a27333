"""Numbers and money in the visitor's language, with a per-locale digit style.

Maghreb Arabic writes Western digits (0-9), so the default digit style for ``ar`` is
"latn"; set ``PORTAL_DIGIT_STYLE = {"ar": "arab"}`` to use Arabic-Indic digits (٠-٩).
Money keeps the currency's own number of decimals (TND has 3, EUR 2, JPY 0).
"""

from decimal import Decimal
from functools import lru_cache

from babel import Locale as BabelLocale
from babel import numbers as babel_numbers
from django.conf import settings
from django.utils.translation import get_language

DEFAULT_DIGIT_STYLE = {"ar": "latn", "fr": "latn", "en": "latn"}
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def current_language(language=None):
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def digit_style(language=None):
    styles = {**DEFAULT_DIGIT_STYLE, **getattr(settings, "PORTAL_DIGIT_STYLE", {})}
    return styles.get(current_language(language), "latn")


@lru_cache(maxsize=32)
def _babel_locale(language):
    # Babel's "ar" defaults to Arabic-Indic digits; "ar_TN" (Tunisia) uses Western digits,
    # so the digit style alone decides and the separators stay Arabic.
    return BabelLocale.parse("ar_TN" if language == "ar" else language)


def _apply_digits(text, language):
    return text.translate(ARABIC_INDIC) if digit_style(language) == "arab" else text


def currency_decimals(currency):
    """How many decimals the ISO 4217 currency has (TND: 3)."""
    return babel_numbers.get_currency_precision(currency.upper())


def is_known_currency(code):
    return isinstance(code, str) and code.upper() in babel_numbers.list_currencies()


def format_number(value, language=None, decimals=None):
    """A number with the locale's separators and digit style (``decimals`` fixed if given)."""
    language = current_language(language)
    if decimals is not None:
        value = Decimal(value).quantize(Decimal(1).scaleb(-decimals))
    return _apply_digits(_format_decimal(str(value), language, decimals), language)


def format_money(amount, currency="TND", language=None):
    """An amount in its currency with the currency's own decimals: '1 234,500 TND'."""
    language = current_language(language)
    currency = currency.upper()
    decimals = currency_decimals(currency)
    value = Decimal(amount).quantize(Decimal(1).scaleb(-decimals))
    return _apply_digits(_format_money(str(value), currency, language, decimals), language)


# A page shows the same few figures to every visitor: each is formatted once per process
# (Babel parses the locale and the pattern on every call). Keyed by the number's text.
@lru_cache(maxsize=4096)
def _format_decimal(text, language, decimals):
    if decimals is None:
        return babel_numbers.format_decimal(Decimal(text), locale=_babel_locale(language))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(
        Decimal(text), format=pattern, locale=_babel_locale(language)
    )


@lru_cache(maxsize=4096)
def _format_money(text, currency, language, decimals):
    return babel_numbers.format_currency(
        Decimal(text),
        currency,
        format="#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0¤¤",
        locale=_babel_locale(language),
        currency_digits=False,
    )


def apply_digit_style(text, language=None):
    """Text whose Western digits follow the locale's digit style (dates, phone numbers)."""
    return _apply_digits(text, current_language(language))


def number_format(language=None):
    """The locale's number rules, for charts drawn in the browser (``chart_number_format``)."""
    language = current_language(language)
    symbols = _babel_locale(language).number_symbols["latn"]
    return {
        "language": language,
        "digits": digit_style(language),
        "decimal": symbols["decimal"],
        "group": symbols["group"],
    }
