"""Figures as people read them: money with its currency's decimals, quantities with units.

A quantity's unit takes the form its number asks for (``ngettext``): Arabic has six
(«0 علبة», «علبة واحدة», «علبتان», «3 علب», «11 علبة», «100 علبة»), French and English two.
"""

from decimal import Decimal

from django.utils.translation import ngettext

from portal.localization.numbers import format_money, format_number

# One phrase per unit code of ``choices.Unit``, written out so that makemessages finds them.
UNIT_COUNTS = {
    "item": lambda n: ngettext("%(count)s item", "%(count)s items", n),
    "parcel": lambda n: ngettext("%(count)s parcel", "%(count)s parcels", n),
    "kit": lambda n: ngettext("%(count)s kit", "%(count)s kits", n),
    "box": lambda n: ngettext("%(count)s box", "%(count)s boxes", n),
    "kg": lambda n: ngettext("%(count)s kg", "%(count)s kg", n),
    "litre": lambda n: ngettext("%(count)s litre", "%(count)s litres", n),
    "blanket": lambda n: ngettext("%(count)s blanket", "%(count)s blankets", n),
    "meal": lambda n: ngettext("%(count)s meal", "%(count)s meals", n),
}
# CLDR puts every fraction in the "other" category; 100 is the whole number that selects it
# in the Arabic, French and English plural rules alike («2.5 كيلوغرام», "2.5 kg").
FRACTION_COUNT = 100


def format_quantity(value, unit):
    """A quantity of goods with its unit in the words and form its number takes.

    :param value: a number (``Decimal``, int or its text); trailing zeros are dropped
        ("25", not "25.000": three decimals read as thousands in Arabic and French).
    :param unit: a ``choices.Unit`` code ("parcel"); an unknown code is written as is.
    :returns: '25 parcels', «25 طردًا», «طردان» in the active language, with a no-break
        space between the number and the unit.
    """
    value = Decimal(str(value)).normalize()
    number = format_number(value)
    phrase = UNIT_COUNTS.get(unit)
    if phrase is None:
        return f"{number}\u00a0{unit}".strip()
    count = int(value) if value == value.to_integral_value() else FRACTION_COUNT
    return phrase(count).replace("%(count)s ", "%(count)s\u00a0") % {"count": number}


def format_amount(value, currency="", unit=""):
    """'1,234.500 TND' for money (``currency`` set), '500 parcels' for goods (``unit`` a
    ``choices.Unit`` code), in the active language; ``""`` for no value."""
    if value is None:
        return ""
    if currency:
        return format_money(value, currency)
    return format_quantity(value, unit)
