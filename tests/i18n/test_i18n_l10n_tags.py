"""Digit style and money, the same in templates, chart data and API fields."""

import json
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation
from rest_framework import serializers

from portal.localization.api import FormattedMoneyField, FormattedNumberField


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load l10n_tags %}" + source).render(Context(context))


def test_number_and_money_filters_follow_the_language():
    amount = Decimal("1234.5")
    # Arabic text shows the currency's Arabic sign (ar_TN: د.ت. and a right-to-left mark).
    assert render('{{ a|money:"TND" }}', "ar", a=amount) == "1.234,500\u00a0د.ت.\u200f"
    assert render('{{ a|money:"TND" }}', "fr", a=amount) == "1\u202f234,500\u00a0TND"
    assert render('{{ a|money:"EUR" }}', "en", a=amount) == "1,234.50\u00a0EUR"
    assert render("{{ n|number }}", "ar", n=1234567) == "1.234.567"
    assert render("{{ n|number:2 }}", "en", n=3) == "3.00"
    assert render("{{ n|number }}", "fr", n=None) == ""
    assert render("{{ n|number }}", "fr", n="n/a") == "n/a"


def test_arabic_indic_digits_everywhere_when_the_setting_says_so(settings):
    settings.PORTAL_DIGIT_STYLE = {"ar": "arab"}
    assert render('{{ a|money:"TND" }}', "ar", a=Decimal("12.5")) == "١٢٫٥٠٠\u00a0د.ت.\u200f"
    assert render("{{ d|digits }}", "ar", d="15/05/2020") == "١٥/٠٥/٢٠٢٠"
    assert render("{{ d|digits }}", "fr", d="15/05/2020") == "15/05/2020"
    chart = render("{% chart_number_format %}", "ar")
    payload = json.loads(chart.split(">", 1)[1].rsplit("<", 1)[0])
    assert payload == {
        "language": "ar",
        "digits": "arab",
        "decimal": "٫",
        "group": "٬",
        "percent": "٪\u061c",
    }

    class Figures(serializers.Serializer):
        households = FormattedNumberField(source="count")
        total = FormattedMoneyField(amount="amount", currency="currency")

    with translation.override("ar"):
        data = Figures({"count": 1500, "amount": Decimal("250"), "currency": "TND"}).data
    assert data == {"households": "١٬٥٠٠", "total": "٢٥٠٫٠٠٠\u00a0د.ت.\u200f"}


def test_western_digits_in_arabic_by_default():
    assert render("{{ n|number }}", "ar", n=2020) == "2.020"
    assert "latn" in render("{% chart_number_format %}", "ar")
