"""Numbers, money and dates in the visitor's language, with the campaign's conventions.

Arabic text follows the conventions in force (``portal.localization.conventions``): a
campaign's CLDR locale (``ar_JO``: «أيار», «د.أ.») and digits (Arabic-Indic where CLDR says
so for the country, Western in the Maghreb), or outside any campaign the site's
``PORTAL_ARABIC_LOCALE`` (``ar_TN``) and ``PORTAL_DIGIT_STYLE`` (``{"ar": "latn"}`` by
default; ``{"ar": "arab"}`` for ٠-٩). French and English keep Western digits.
Money keeps the currency's own number of decimals (TND has 3, EUR 2, JPY 0); Arabic text
shows the currency's Arabic sign (``د.ت.``), French and English its ISO code.
"""

import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale as BabelLocale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import get_language, pgettext

from .conventions import active

DEFAULT_DIGIT_STYLE = {"ar": "latn", "fr": "latn", "en": "latn"}
DEFAULT_ARABIC_LOCALE = "ar_TN"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Babel patterns for the date formats pages use (Django's "j F Y", "j F", "j/n").
DAY_FORMATS = {"long": "d MMMM y", "day_month": "d MMMM", "short": "d/M", "iso": "y-MM-dd"}
# The first of the month read as an ordinal where the day is in words: «1er décembre», not
# «1 décembre» (CLDR's French patterns leave it to the writer). Babel quotes the suffix.
FIRST_DAY_SUFFIXES = {"fr": "er"}


def current_language(language=None):
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def digit_style(language=None):
    """ "latn" or "arab": the digits of text in ``language`` under the conventions in force."""
    language = current_language(language)
    conventions = active()
    if language == "ar" and conventions is not None:
        return conventions.digits
    styles = {**DEFAULT_DIGIT_STYLE, **getattr(settings, "PORTAL_DIGIT_STYLE", {})}
    return styles.get(language, "latn")


def locale_name(language=None):
    """The CLDR locale for text in ``language``: the campaign's ``ar_XX`` for Arabic."""
    language = current_language(language)
    if language != "ar":
        return language
    conventions = active()
    if conventions is not None:
        return conventions.locale
    return getattr(settings, "PORTAL_ARABIC_LOCALE", DEFAULT_ARABIC_LOCALE)


@lru_cache(maxsize=64)
def _babel_locale(name):
    # Digits are applied by ``_apply_digits`` alone, so Babel formats with Western digits
    # and the locale's own separators and words.
    return BabelLocale.parse(name)


def _apply_digits(text, language):
    return text.translate(ARABIC_INDIC) if digit_style(language) == "arab" else text


def currency_decimals(currency):
    """How many decimals the ISO 4217 currency has (TND: 3), from Babel's CLDR data."""
    return babel_numbers.get_currency_precision(currency.upper())


def is_known_currency(code):
    return isinstance(code, str) and code.upper() in babel_numbers.list_currencies()


def format_number(value, language=None, decimals=None):
    """A number with the locale's separators and digit style (``decimals`` fixed if given)."""
    language = current_language(language)
    if decimals is not None:
        value = Decimal(value).quantize(Decimal(1).scaleb(-decimals))
    text = _format_decimal(str(value), locale_name(language), decimals, digit_style(language))
    return _apply_digits(text, language)


def format_money(amount, currency="TND", language=None):
    """An amount in its currency with the currency's own decimals.

    '1,234.500 TND' (en), '1 234,500 TND' (fr), '1.234,500 د.ت.' (ar under ar_TN).
    """
    language = current_language(language)
    currency = currency.upper()
    decimals = currency_decimals(currency)
    value = Decimal(amount).quantize(Decimal(1).scaleb(-decimals))
    sign = "¤" if language == "ar" else "¤¤"
    text = _format_money(
        str(value), currency, locale_name(language), decimals, sign, digit_style(language)
    )
    return _apply_digits(text, language)


def format_percent(value, language=None):
    """A percentage, ``value`` in percent (``Decimal("16.7")`` is 16.7 %), with one decimal
    when it is not whole, in the locale's percent pattern, symbols and digits (CLDR through
    Babel): '16.7%' (en), '16,7 %' (fr), «١٦٫٧٪؜» (ar_JO, ar_EG: Arabic-Indic digits take
    the Arabic percent sign), «16,7‎%‎» (ar_TN, ar_MA). ``None`` is 0 %."""
    language = current_language(language)
    value = Decimal(value or 0).quantize(Decimal("0.1"))
    decimals = 0 if value == value.to_integral() else 1
    text = _format_percent(str(value), locale_name(language), decimals, digit_style(language))
    return _apply_digits(text, language)


def format_day(value, language=None, style="long"):
    """A date in words, the locale's month names and digits: «15 ماي 2020» (ar_TN),
    «15 أيار 2020» (ar_JO), '15 mai 2020', '1er mai 2020' (fr). ``style`` is a key of
    ``DAY_FORMATS`` or a Babel pattern; a datetime is shown as its date (already in the
    right time zone)."""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        return value
    language = current_language(language)
    pattern = DAY_FORMATS.get(style, style)
    suffix = FIRST_DAY_SUFFIXES.get(language)
    if suffix and value.day == 1 and "MMM" in pattern:
        pattern = re.sub(r"(?<![d'])d(?![d'])", f"d'{suffix}'", pattern)
    text = babel_dates.format_date(value, pattern, locale=_babel_locale(locale_name(language)))
    return _apply_digits(text, language)


def format_moment(value, language=None):
    """A date in words and its time on the 24-hour clock, in the current time zone:
    «4 مارس 2026، 16:05» (ar_TN), «4 mars 2026 à 16:05» (fr), «4 March 2026, 16:05» (en).
    Never a numeric, 12-hour «4/3/2026، 4:05 م»: the day is read as in the rest of the
    portal (``format_day``) and the clock the reader's region uses."""
    if not isinstance(value, datetime):
        return value
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    language = current_language(language)
    day = format_day(value, language)
    clock = babel_dates.format_time(value, "HH:mm", locale=_babel_locale(locale_name(language)))
    with translation.override(language):
        pattern = pgettext("a day and a time of that day", "%(day)s, %(time)s")
    return pattern % {"day": day, "time": _apply_digits(clock, language)}


# A page shows the same few figures to every visitor: each is formatted once per process
# (Babel parses the locale and the pattern on every call). Keyed by the number's text.
# The numbering system picks the separators too: "arab" writes ١٬٢٣٤٫٥ as CLDR does.
@lru_cache(maxsize=4096)
def _format_decimal(text, locale, decimals, numbering):
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(
        Decimal(text), format=pattern, locale=_babel_locale(locale), numbering_system=numbering
    )


@lru_cache(maxsize=4096)
def _format_money(text, currency, locale, decimals, sign, numbering):
    return babel_numbers.format_currency(
        Decimal(text),
        currency,
        format="#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0" + sign,
        locale=_babel_locale(locale),
        currency_digits=False,
        numbering_system=numbering,
    )


@lru_cache(maxsize=1024)
def _format_percent(text, locale, decimals, numbering):
    babel_locale = _babel_locale(locale)
    pattern = babel_locale.percent_formats[None].pattern  # "#,##0%", "#,##0\u00a0%"
    if decimals:
        pattern = re.sub(r"0(?=[^0]*$)", "0." + "0" * decimals, pattern, count=1)
    formatted = babel_numbers.format_percent(
        Decimal(text) / 100, format=pattern, locale=babel_locale, numbering_system=numbering
    )
    # Babel writes the pattern's "%" as is; CLDR's sign depends on the numbering system
    # ("٪؜" with Arabic-Indic digits, "‎%‎" with Western digits in Arabic).
    return formatted.replace("%", babel_locale.number_symbols[numbering]["percentSign"])


def apply_digit_style(text, language=None):
    """Text whose Western digits follow the locale's digit style (dates, phone numbers)."""
    return _apply_digits(text, current_language(language))


def number_format(language=None):
    """The locale's number rules, for charts drawn in the browser (``chart_number_format``)."""
    language = current_language(language)
    digits = digit_style(language)
    symbols = _babel_locale(locale_name(language)).number_symbols[digits]
    return {
        "language": language,
        "digits": digits,
        "decimal": symbols["decimal"],
        "group": symbols["group"],
        "percent": symbols["percentSign"],
    }
