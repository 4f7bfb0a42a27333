"""The Arab League's member states, the countries a campaign can run in (ISO 3166-1 alpha-2)."""

import unicodedata
from datetime import date
from functools import cache, lru_cache

import pycountry
from babel import Locale as BabelLocale
from babel import localedata
from babel import numbers as babel_numbers
from babel.core import get_global
from babel.numbers import get_currency_name
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.localization.conventions import Conventions

COUNTRY_CHOICES = [
    ("DZ", _("Algeria")),
    ("BH", _("Bahrain")),
    ("KM", _("Comoros")),
    ("DJ", _("Djibouti")),
    ("EG", _("Egypt")),
    ("IQ", _("Iraq")),
    ("JO", _("Jordan")),
    ("KW", _("Kuwait")),
    ("LB", _("Lebanon")),
    ("LY", _("Libya")),
    ("MR", _("Mauritania")),
    ("MA", _("Morocco")),
    ("OM", _("Oman")),
    ("PS", _("Palestine")),
    ("QA", _("Qatar")),
    ("SA", _("Saudi Arabia")),
    ("SO", _("Somalia")),
    ("SD", _("Sudan")),
    ("SY", _("Syria")),
    ("TN", _("Tunisia")),
    ("AE", _("United Arab Emirates")),
    ("YE", _("Yemen")),
]


# A country's conventions, all from CLDR through Babel (never a hand list): its currency,
# the Arabic locale for its month names and currency signs, its customary digits and its
# time zone. A campaign may override each (campaigns.models.campaign).


def default_currency(country, on=None):
    """The ISO 4217 currency legal tender in ``country`` today (or ``on`` a date): 'JOD'.

    Palestine has two (ILS, JOD): the first CLDR lists is taken. None for an unknown code.
    """
    currencies = babel_numbers.get_territory_currencies(
        country, start_date=on or date.today(), tender=True
    )
    return currencies[0] if currencies else None


def territory_currencies(country, on=None):
    """Every ISO 4217 currency legal tender in ``country`` (``['ILS', 'JOD']`` for PS)."""
    return babel_numbers.get_territory_currencies(
        country, start_date=on or date.today(), tender=True
    )


@cache
def currency_codes():
    """The ISO 4217 codes a gift may be in, sorted: pycountry's active ISO 4217 list, less
    the codes CLDR (Babel) finds legal tender nowhere today (gold, fund units, test codes).

    153 codes with pycountry 26.2 and Babel 2.17; the same set in the admin, the API, the
    offer form and imports (``campaigns.tracker.services.common.check_currency``).
    """
    today = date.today()
    tender = set()
    for territory in get_global("territory_currencies"):
        tender.update(
            babel_numbers.get_territory_currencies(territory, start_date=today, tender=True)
        )
    return tuple(sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 in tender))


def currency_choices(first=(), language=None):
    """``(code, label)`` choices of ``currency_codes()``: the codes in ``first`` (a campaign's
    currency and its country's other legal tenders) at the top, then the rest by code.
    Labels name the currency in ``language`` (the active one): ``"JOD – دينار أردني"``.
    """
    language = (language or translation.get_language() or "en").replace("-", "_")
    known = currency_codes()
    ordered = [code for code in dict.fromkeys(c.upper() for c in first) if code in known]
    ordered += [code for code in known if code not in ordered]
    return [(code, f"{code} – {get_currency_name(code, locale=language)}") for code in ordered]


def arabic_locale(country):
    """The CLDR locale of Arabic as written in ``country`` ('ar_JO'), 'ar' if CLDR has none."""
    name = f"ar_{country}"
    return name if localedata.exists(name) else "ar"


def default_digits(country):
    """'latn' (0-9) or 'arab' (٠-٩): CLDR's default numbering system of ``ar_<country>``."""
    return BabelLocale.parse(arabic_locale(country)).default_numbering_system


def default_time_zone(country):
    """The country's IANA time zone ('Asia/Amman'), the first CLDR lists; 'UTC' if none."""
    zones = get_global("territory_zones").get(country) or ["UTC"]
    return zones[0]


def country_conventions(country, *, currency="", locale="", digits="", time_zone=""):
    """The conventions of a campaign in ``country``; a non-empty argument overrides one."""
    locale = locale or arabic_locale(country)
    return Conventions(
        locale=locale,
        digits=digits or BabelLocale.parse(locale).default_numbering_system,
        currency=(currency or default_currency(country) or "USD").upper(),
        time_zone=time_zone or default_time_zone(country),
        country=country,
    )


@lru_cache(maxsize=64)
def currency_conventions(currency):
    """The conventions of the member state whose own currency ``currency`` is, for an amount
    shown outside any campaign (the regional overview): 'JOD' → Jordan's (``ar_JO``,
    Arabic-Indic digits: «٢٥٠٫١٢٥ د.أ.»), 'TND' → Tunisia's. None for a currency no member
    state issues as its first legal tender (EUR, USD): the site's defaults apply."""
    code = (currency or "").upper()
    for country, _name in COUNTRY_CHOICES:
        if default_currency(country) == code:
            return country_conventions(country)
    return None


def country_name(code, language=None):
    """The country's name in ``language`` (the active one by default)."""
    with translation.override(language or translation.get_language()):
        return str(dict(COUNTRY_CHOICES).get(code, code))


def sorted_country_choices(language=None):
    """``COUNTRY_CHOICES`` sorted by name in ``language``, as a reader of it expects.

    PyICU has no wheel on PyPI (it needs the ICU headers to build), so the sort key is ours:
    Arabic letter order with hamza and alef forms folded (أ إ آ → ا, ة → ه, ى → ي) and
    tashkeel ignored, and the article ال ignored as Arabic country lists do (الأردن, الإمارات,
    البحرين, تونس, الجزائر…); for Latin scripts, accents are ignored (É after E, not after Z).
    """
    language = (language or translation.get_language() or "ar").split("-")[0]
    with translation.override(language):
        named = [(code, str(name)) for code, name in COUNTRY_CHOICES]

    def key(item):
        name = collation_key(item[1])
        return name[2:] if language == "ar" and name.startswith("ال") else name

    return sorted(named, key=key)


_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def collation_key(text):
    """A sort key: case, accents, tashkeel and hamza seats ignored (see above)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_ARABIC_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
