"""Figures as people read them: money with its currency's decimals, quantities with units."""

from portal.localization.numbers import format_money, format_number


def format_amount(value, currency="", unit_label=""):
    """'1,234.500 TND' for money, '500 parcels' for goods, in the active language."""
    if value is None:
        return ""
    if currency:
        return format_money(value, currency)
    number = format_number(value.normalize() if hasattr(value, "normalize") else value)
    return f"{number}\u00a0{unit_label}".strip()
