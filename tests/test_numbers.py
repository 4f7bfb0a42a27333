"""Money keeps its currency's decimals; digits follow the per-locale digit style."""

from decimal import Decimal

from portal.localization.numbers import currency_decimals, format_money, format_number


def test_tunisian_dinar_has_three_decimals():
    assert currency_decimals("TND") == 3
    assert format_money(Decimal("1234.5"), "TND", "en") == "1,234.500\u00a0TND"
    assert format_money(Decimal("1234.5"), "TND", "fr") == "1\u202f234,500\u00a0TND"


def test_euro_has_two_and_yen_none():
    assert format_money(Decimal("10"), "EUR", "en") == "10.00\u00a0EUR"
    assert format_money(Decimal("10"), "JPY", "en") == "10\u00a0JPY"


def test_arabic_uses_western_digits_by_default():
    assert format_number(1234567, "ar") == "1.234.567"


def test_digit_style_is_a_setting(settings):
    # Arabic-Indic digits come with CLDR's Arabic separators (٬ ٫), never half and half.
    settings.PORTAL_DIGIT_STYLE = {"ar": "arab"}
    assert format_number(2020, "ar") == "٢٬٠٢٠"
    assert format_number(2020, "fr") == "2\u202f020"
